package dev.tokenx.realtime.broadcast.messaging;

/** A message on the relay topic that no instance may deliver; {@code reason} is a short tag for the metric. */
class RelayMessageRejected extends RuntimeException {

    private final String reason;

    RelayMessageRejected(String reason, String detail) {
        super("The relayed message " + detail);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
