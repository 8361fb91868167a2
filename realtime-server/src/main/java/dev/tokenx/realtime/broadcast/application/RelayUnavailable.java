package dev.tokenx.realtime.broadcast.application;

/** The other instances cannot be reached; subscribers connected to this instance were still served. */
public class RelayUnavailable extends RuntimeException {

    public RelayUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
