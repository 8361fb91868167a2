package dev.tokenx.realtime.connection.application;

import dev.tokenx.realtime.connection.domain.PusherError;
import dev.tokenx.realtime.connection.domain.SocketId;
import java.time.Duration;

/** The Pusher protocol's wire format (a port: the JSON lives with the WebSocket adapter). */
public interface PusherMessages {

    InboundMessage decode(String text);

    String connectionEstablished(SocketId socketId, Duration activityTimeout);

    String ping();

    String pong();

    String subscriptionSucceeded(String channel);

    /**
     * @param type what went wrong, as pusher-js reports it to {@code pusher:subscription_error} listeners
     *     ({@code AuthError}, {@code InvalidChannel}, {@code UnsupportedChannel}, {@code LimitReached})
     * @param status an HTTP-like status, as pusher-js reports auth endpoint failures
     */
    String subscriptionError(String channel, String type, String error, int status);

    String error(PusherError error);

    String channelEvent(String channel, String event, String data);
}
