package dev.tokenx.realtime.broadcast.messaging;

import dev.tokenx.realtime.channel.domain.ChannelEvent;
import dev.tokenx.realtime.channel.domain.ChannelName;
import dev.tokenx.realtime.connection.domain.SocketId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of a relayed batch, stamped with this instance's id: every instance receives its own messages
 * back from Redis, and skips them, having delivered them locally already.
 */
@Component
class RelayCodec {

    private final String origin = UUID.randomUUID().toString();
    private final JsonMapper json;

    RelayCodec(JsonMapper json) {
        this.json = json;
    }

    String encode(List<ChannelEvent> events) {
        return json.writeValueAsString(
                new Envelope(origin, events.stream().map(RelayCodec::toWire).toList()));
    }

    /** The events of another instance, or empty for this instance's own batch. */
    Optional<List<ChannelEvent>> decodeForeign(String message) {
        Envelope envelope = json.readValue(message, Envelope.class);
        if (origin.equals(envelope.origin())) {
            return Optional.empty();
        }
        return Optional.of(envelope.events().stream().map(RelayCodec::fromWire).toList());
    }

    private static WireEvent toWire(ChannelEvent event) {
        return new WireEvent(
                event.appId(),
                event.name(),
                event.data(),
                event.channels().stream().map(ChannelName::value).toList(),
                event.excludedSocket().map(SocketId::value).orElse(null));
    }

    private static ChannelEvent fromWire(WireEvent event) {
        return new ChannelEvent(
                event.appId(),
                event.name(),
                event.data(),
                event.channels().stream().map(ChannelName::of).toList(),
                Optional.ofNullable(event.excludedSocketId()).map(SocketId::new));
    }

    record Envelope(String origin, List<WireEvent> events) {}

    record WireEvent(String appId, String name, String data, List<String> channels, String excludedSocketId) {}
}
