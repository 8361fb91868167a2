package dev.tokenx.blockchain.settlement.application;

/** The node could not be reached, timed out, or answered with a server error: worth retrying. */
public class ChainUnavailable extends RuntimeException {

    public ChainUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    public ChainUnavailable(String message) {
        super(message);
    }
}
