package dev.tokenx.contracts;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.web3j.crypto.Hash;

/**
 * The custom errors of AssetToken.sol, one per refusal. The names and parameter types must match the
 * contract's ABI; a test checks that they do.
 */
public enum AssetTokenError {
    NOT_OWNER("NotOwner", "address"),
    NOT_SETTLEMENT_AGENT("NotSettlementAgent", "address"),
    NOT_COMPLIANCE_AGENT("NotComplianceAgent", "address"),
    NOT_VERIFIED("NotVerified", "address"),
    ADDRESS_FROZEN("AddressFrozen", "address"),
    TOKEN_PAUSED("TokenPaused"),
    TOKEN_NOT_PAUSED("TokenNotPaused"),
    INSUFFICIENT_BALANCE("InsufficientBalance", "address", "uint256", "uint256"),
    ZERO_ADDRESS("ZeroAddress"),
    ZERO_AMOUNT("ZeroAmount"),
    BATCH_LENGTH_MISMATCH("BatchLengthMismatch", "uint256", "uint256", "uint256");

    private static final Map<String, AssetTokenError> BY_SELECTOR = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(AssetTokenError::selector, Function.identity()));

    private final String errorName;
    private final List<String> parameterTypes;
    private final String selector;

    AssetTokenError(String errorName, String... parameterTypes) {
        this.errorName = errorName;
        this.parameterTypes = List.of(parameterTypes);
        this.selector = Hash.sha3String(signature()).substring(0, 10);
    }

    /** The Solidity name, for example {@code AddressFrozen}. */
    public String errorName() {
        return errorName;
    }

    /** The Solidity parameter types in order, for example {@code [address]}. */
    public List<String> parameterTypes() {
        return parameterTypes;
    }

    /** The canonical signature, for example {@code AddressFrozen(address)}. */
    public String signature() {
        return errorName + "(" + String.join(",", parameterTypes) + ")";
    }

    /** The first four bytes of the signature's Keccak-256 hash, 0x-prefixed: how a revert names the error. */
    public String selector() {
        return selector;
    }

    static Optional<AssetTokenError> bySelector(String selector) {
        return Optional.ofNullable(BY_SELECTOR.get(selector));
    }
}
