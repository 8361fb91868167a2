package dev.tokenx.realtime.broadcast.messaging;

import dev.tokenx.realtime.apps.domain.PusherApp;
import dev.tokenx.realtime.apps.domain.PusherApps;
import dev.tokenx.realtime.channel.domain.ChannelEvent;
import dev.tokenx.realtime.channel.domain.ChannelName;
import dev.tokenx.realtime.channel.domain.InvalidChannelName;
import dev.tokenx.realtime.connection.domain.SocketId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of a relayed batch, stamped with this instance's id: every instance receives its own messages
 * back from Redis, and skips them, having delivered them locally already.
 *
 * <p>Redis is an internal channel, but not a trusted one: whoever can publish on the topic would otherwise reach
 * any private channel of any app. So a batch carries the HMAC-SHA256 of its events under its app's secret (the
 * secret the HTTP API's publishers sign with), and a received batch is delivered only if it names an app this server
 * hosts, its signature is that app's, and every event belongs to that app on valid channel names. The signed text is
 * prefixed with {@code relay\n}, so a relay signature can never pass for a Pusher API or subscription signature.
 */
@Component
class RelayCodec {

    private static final TypeReference<List<WireEvent>> EVENTS = new TypeReference<>() {};
    private static final String SIGNED_PREFIX = "relay\n";

    private final String origin = UUID.randomUUID().toString();
    private final JsonMapper json;
    private final PusherApps apps;

    RelayCodec(JsonMapper json, PusherApps apps) {
        this.json = json;
        this.apps = apps;
    }

    /** One app's events, as the HTTP API accepts them: a batch never mixes apps. */
    String encode(List<ChannelEvent> events) {
        String appId = events.getFirst().appId();
        if (events.stream().anyMatch(event -> !event.appId().equals(appId))) {
            throw new IllegalArgumentException("A relayed batch holds the events of one app");
        }
        PusherApp app = apps.byId(appId).orElseThrow(() -> new IllegalArgumentException("Unknown app " + appId));
        String payload =
                json.writeValueAsString(events.stream().map(RelayCodec::toWire).toList());
        return json.writeValueAsString(new Envelope(origin, appId, payload, app.sign(signed(origin, payload))));
    }

    /**
     * The events of another instance, or empty for this instance's own batch.
     *
     * @throws RelayMessageRejected when the message is unreadable, names an unknown app, is not signed by it, or
     *     carries an event of another app or on an invalid channel
     */
    Optional<List<ChannelEvent>> decodeForeign(String message) {
        Envelope envelope = read(message, Envelope.class);
        if (origin.equals(envelope.origin())) {
            return Optional.empty();
        }
        PusherApp app = Optional.ofNullable(envelope.appId())
                .flatMap(apps::byId)
                .orElseThrow(() -> new RelayMessageRejected("unknown-app", "names no app this server hosts"));
        if (envelope.payload() == null
                || !app.hasSigned(signed(envelope.origin(), envelope.payload()), envelope.signature())) {
            throw new RelayMessageRejected("bad-signature", "is not signed by app " + app.id());
        }
        List<WireEvent> events = read(envelope.payload(), EVENTS);
        if (events == null || events.isEmpty()) {
            throw new RelayMessageRejected("unreadable", "carries no events");
        }
        return Optional.of(events.stream().map(event -> fromWire(app, event)).toList());
    }

    private static String signed(String origin, String payload) {
        return SIGNED_PREFIX + origin + "\n" + payload;
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JacksonException e) {
            throw new RelayMessageRejected("unreadable", "is not a relayed batch: " + e.getOriginalMessage());
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JacksonException e) {
            throw new RelayMessageRejected("unreadable", "is not a relayed batch: " + e.getOriginalMessage());
        }
    }

    private static WireEvent toWire(ChannelEvent event) {
        return new WireEvent(
                event.appId(),
                event.name(),
                event.data(),
                event.channels().stream().map(ChannelName::value).toList(),
                event.excludedSocket().map(SocketId::value).orElse(null));
    }

    private static ChannelEvent fromWire(PusherApp app, WireEvent event) {
        if (!app.id().equals(event.appId())) {
            throw new RelayMessageRejected("foreign-event", "carries an event of another app than " + app.id());
        }
        if (event.name() == null || event.data() == null || event.channels() == null) {
            throw new RelayMessageRejected("invalid-event", "carries an event without a name, data or channels");
        }
        try {
            return new ChannelEvent(
                    event.appId(),
                    event.name(),
                    event.data(),
                    event.channels().stream().map(ChannelName::of).toList(),
                    Optional.ofNullable(event.excludedSocketId()).map(SocketId::new));
        } catch (InvalidChannelName | IllegalArgumentException e) {
            throw new RelayMessageRejected("invalid-event", "carries an invalid event: " + e.getMessage());
        }
    }

    /** What travels on the topic: the events as a JSON string, so that the signature covers exactly these bytes. */
    record Envelope(String origin, String appId, String payload, String signature) {}

    record WireEvent(String appId, String name, String data, List<String> channels, String excludedSocketId) {}
}
