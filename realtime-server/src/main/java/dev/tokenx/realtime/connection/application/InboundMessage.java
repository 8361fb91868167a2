package dev.tokenx.realtime.connection.application;

/** A message a client sent, as far as the server understands it. */
public sealed interface InboundMessage {

    record Ping() implements InboundMessage {}

    record Pong() implements InboundMessage {}

    /**
     * @param auth {@code <key>:<signature>} for private channels, {@code null} otherwise
     */
    record Subscribe(String channel, String auth) implements InboundMessage {}

    record Unsubscribe(String channel) implements InboundMessage {}

    /** A {@code client-*} event, which clients send to one another through the server. */
    record ClientEvent(String event, String channel) implements InboundMessage {}

    /** A well-formed message with an event this server does not handle; ignored, as Pusher does. */
    record Unhandled(String event) implements InboundMessage {}

    /** Not JSON, or JSON without an event name. */
    record Malformed(String reason) implements InboundMessage {}
}
