package dev.tokenx.contracts;

/**
 * Any failure of a call to the AssetToken contract: the chain could not be reached, a transaction was
 * not mined in time, or it reverted. A revert that names one of the contract's rules is the subclass
 * {@link ContractRefusal}; an unreachable chain keeps its {@link java.io.IOException} as the cause.
 */
public class AssetTokenException extends RuntimeException {

    public AssetTokenException(String message) {
        super(message);
    }

    public AssetTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
