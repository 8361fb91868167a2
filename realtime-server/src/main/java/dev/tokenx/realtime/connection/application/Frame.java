package dev.tokenx.realtime.connection.application;

/** What the server writes to a connection. */
public sealed interface Frame {

    /** A Pusher protocol message, already JSON. */
    record Text(String json) implements Frame {}

    /**
     * A WebSocket-level ping. Every WebSocket stack answers it with a pong on its own, including clients that
     * never answer a {@code pusher:ping} event (pusher-java-client 2.x does not).
     */
    record Ping() implements Frame {}
}
