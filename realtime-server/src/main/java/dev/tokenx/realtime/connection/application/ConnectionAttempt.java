package dev.tokenx.realtime.connection.application;

import dev.tokenx.realtime.connection.domain.PusherError;

/** The outcome of a WebSocket handshake at {@code /app/{key}}. */
public sealed interface ConnectionAttempt {

    record Accepted(Connection connection) implements ConnectionAttempt {}

    /**
     * @param message the {@code pusher:error} to send before closing with the error's code
     */
    record Refused(PusherError error, String message) implements ConnectionAttempt {}
}
