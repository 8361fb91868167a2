package dev.tokenx.events.kafka;

import dev.tokenx.events.DomainEvent;
import dev.tokenx.events.EventCatalog;
import dev.tokenx.events.EventHeaders;
import dev.tokenx.events.EventJson;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/** Writes an event as JSON and names it in the {@code event-type} and {@code event-id} headers. */
public class DomainEventSerializer implements Serializer<DomainEvent> {

    @Override
    public byte[] serialize(String topic, DomainEvent event) {
        return event == null ? null : EventJson.write(event);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, DomainEvent event) {
        if (event == null) {
            return null;
        }
        headers.remove(EventHeaders.EVENT_TYPE).remove(EventHeaders.EVENT_ID);
        headers.add(EventHeaders.EVENT_TYPE, EventCatalog.typeOf(event).getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.EVENT_ID, event.eventId().toString().getBytes(StandardCharsets.UTF_8));
        return EventJson.write(event);
    }
}
