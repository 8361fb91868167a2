package dev.tokenx.realtime.connection.application;

import dev.tokenx.realtime.apps.domain.PusherApp;
import dev.tokenx.realtime.apps.domain.PusherApps;
import dev.tokenx.realtime.apps.domain.SubscriptionAuth;
import dev.tokenx.realtime.channel.domain.ChannelName;
import dev.tokenx.realtime.channel.domain.InvalidChannelName;
import dev.tokenx.realtime.connection.WebSocketProperties;
import dev.tokenx.realtime.connection.domain.ProtocolVersion;
import dev.tokenx.realtime.connection.domain.PusherError;
import dev.tokenx.realtime.connection.domain.SocketId;
import java.security.SecureRandom;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The Pusher Channels protocol (version 7) for one connection: the handshake, heartbeat replies, and
 * subscriptions to public and private channels. Presence channels and client events are refused with the
 * protocol's errors.
 */
@Service
public class PusherConnections {

    private static final Logger log = LoggerFactory.getLogger(PusherConnections.class);

    private final PusherApps apps;
    private final ConnectionRegistry registry;
    private final PusherMessages messages;
    private final WebSocketProperties properties;
    private final SecureRandom random = new SecureRandom();

    public PusherConnections(
            PusherApps apps, ConnectionRegistry registry, PusherMessages messages, WebSocketProperties properties) {
        this.apps = apps;
        this.registry = registry;
        this.messages = messages;
        this.properties = properties;
    }

    /**
     * A client opened {@code /app/{key}?protocol=n}: refuse it with the protocol's code, or register it and
     * send {@code pusher:connection_established}.
     */
    public ConnectionAttempt open(String appKey, String protocol) {
        Optional<PusherError> refusal =
                ProtocolVersion.refusal(protocol).or(() -> appRefusal(apps.byKey(appKey), appKey));
        if (refusal.isPresent()) {
            return new ConnectionAttempt.Refused(refusal.get(), messages.error(refusal.get()));
        }
        PusherApp app = apps.byKey(appKey).orElseThrow();
        Connection connection =
                new Connection(SocketId.random(random), app, messages, properties.outboundBuffer(), System.nanoTime());
        registry.register(connection);
        log.info("Connection {} opened for app {}", connection.socketId().value(), app.id());
        connection.send(messages.connectionEstablished(connection.socketId(), properties.activityTimeout()));
        return new ConnectionAttempt.Accepted(connection);
    }

    /**
     * A frame arrived from the client.
     *
     * @param text the frame's text, or {@code null} for a control frame (a pong), which only proves the
     *     client alive
     * @param sizeInBytes the frame's payload size
     */
    public void receive(Connection connection, String text, int sizeInBytes) {
        connection.touch(System.nanoTime());
        if (text == null) {
            return;
        }
        int limit = Math.toIntExact(properties.maxMessageSize().toBytes());
        if (sizeInBytes > limit) {
            connection.close(PusherError.messageTooLarge(sizeInBytes, limit));
            return;
        }
        switch (messages.decode(text)) {
            case InboundMessage.Ping ping -> connection.send(messages.pong());
            case InboundMessage.Pong pong -> {
                // touch() above has recorded it.
            }
            case InboundMessage.Subscribe subscribe -> subscribe(connection, subscribe);
            case InboundMessage.Unsubscribe unsubscribe -> unsubscribe(connection, unsubscribe.channel());
            case InboundMessage.ClientEvent event ->
                connection.send(messages.error(PusherError.withoutCode(
                        "Client events are not enabled on this server: " + event.event() + " was not sent")));
            case InboundMessage.Malformed malformed ->
                connection.send(messages.error(PusherError.withoutCode("Malformed message: " + malformed.reason())));
            case InboundMessage.Unhandled unhandled -> log.debug("Ignoring event {} from {}", unhandled, connection);
        }
    }

    /** The protocol is JSON text only; a binary frame still proves the client alive. */
    public void receiveBinary(Connection connection, int sizeInBytes) {
        connection.touch(System.nanoTime());
        connection.send(messages.error(
                PusherError.withoutCode("Binary frames are not supported; " + sizeInBytes + " bytes ignored")));
    }

    /** The socket is gone, whoever closed it. */
    public void closed(Connection connection) {
        connection.finish();
        registry.unregister(connection);
        log.info("Connection {} closed", connection.socketId().value());
    }

    private void subscribe(Connection connection, InboundMessage.Subscribe request) {
        ChannelName channel;
        try {
            channel = ChannelName.of(request.channel());
        } catch (InvalidChannelName e) {
            refuseSubscription(connection, request.channel(), "InvalidChannel", e.getMessage(), 400);
            return;
        }
        if (channel.isPresence()) {
            refuseSubscription(
                    connection, channel.value(), "UnsupportedChannel", "Presence channels are not supported", 400);
            return;
        }
        if (channel.isPrivate() && !authorized(connection, channel, request.auth())) {
            return;
        }
        if (!connection.channels().contains(channel)
                && connection.channels().size() >= properties.maxSubscriptionsPerConnection()) {
            refuseSubscription(
                    connection,
                    channel.value(),
                    "LimitReached",
                    "A connection may subscribe to at most " + properties.maxSubscriptionsPerConnection() + " channels",
                    400);
            return;
        }
        // Subscribing twice is answered like the first time: a client that lost the first answer may retry.
        registry.subscribe(connection, channel);
        log.info("Connection {} subscribed to {}", connection.socketId().value(), channel);
        connection.send(messages.subscriptionSucceeded(channel.value()));
    }

    private boolean authorized(Connection connection, ChannelName channel, String auth) {
        SubscriptionAuth outcome =
                connection.app().checkSubscription(connection.socketId().value(), channel.value(), auth);
        String problem = switch (outcome) {
            case AUTHORIZED -> null;
            case MISSING -> "Private channel " + channel + " needs an auth signature";
            case MALFORMED ->
                "Auth value for subscription to " + channel + " is invalid: should be of format 'key:signature'";
            case WRONG_KEY -> "Invalid key in subscription auth data for " + channel;
            case WRONG_SIGNATURE ->
                "Invalid signature: Expected HMAC SHA256 hex digest of " + connection.socketId() + ":" + channel
                        + ", but got " + auth.substring(auth.indexOf(':') + 1);
        };
        if (problem == null) {
            return true;
        }
        refuseSubscription(connection, channel.value(), "AuthError", problem, 401);
        return false;
    }

    /**
     * pusher-js hands {@code pusher:subscription_error} to the channel's listeners; Pusher's own servers, and
     * pusher-java-client, report a refused subscription as a {@code pusher:error} without a code. Both are
     * sent, so that either kind of client learns why.
     */
    private void refuseSubscription(Connection connection, String channel, String type, String error, int status) {
        connection.send(messages.subscriptionError(channel, type, error, status));
        connection.send(messages.error(PusherError.withoutCode(error)));
    }

    private void unsubscribe(Connection connection, String channel) {
        try {
            registry.unsubscribe(connection, ChannelName.of(channel));
        } catch (InvalidChannelName ignored) {
            // Such a channel cannot have been subscribed, so there is nothing to leave.
        }
    }

    private static Optional<PusherError> appRefusal(Optional<PusherApp> app, String appKey) {
        if (app.isEmpty()) {
            return Optional.of(PusherError.unknownApp(appKey));
        }
        return app.get().enabled() ? Optional.empty() : Optional.of(PusherError.appDisabled());
    }
}
