package dev.tokenx.events.kafka;

import dev.tokenx.events.DomainEvent;
import dev.tokenx.events.EventCatalog;
import dev.tokenx.events.EventHeaders;
import dev.tokenx.events.EventJson;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import tools.jackson.core.JacksonException;

/**
 * Reads an event by the logical name in its {@code event-type} header. A type this build does not know reads as
 * {@code null}: events are added over time and a producer may be deployed before its consumers, so a reader skips
 * what is new to it ({@link SkipUnknownEvents}) instead of failing on it. Anything else it cannot read (no header,
 * broken JSON) fails with a {@link SerializationException}, which spring-kafka's {@code ErrorHandlingDeserializer}
 * turns into a dead letter instead of an endless redelivery.
 */
public class DomainEventDeserializer implements Deserializer<DomainEvent> {

    @Override
    public DomainEvent deserialize(String topic, byte[] data) {
        throw new SerializationException("Events are read by their " + EventHeaders.EVENT_TYPE + " header");
    }

    @Override
    public DomainEvent deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            return null;
        }
        Header type = headers.lastHeader(EventHeaders.EVENT_TYPE);
        if (type == null) {
            throw new SerializationException("Record on " + topic + " has no " + EventHeaders.EVENT_TYPE + " header");
        }
        String typeName = new String(type.value(), StandardCharsets.UTF_8);
        if (EventCatalog.classOf(typeName).isEmpty()) {
            return null;
        }
        try {
            return EventJson.read(typeName, data);
        } catch (JacksonException e) {
            throw new SerializationException("Cannot read " + typeName + " from " + topic, e);
        }
    }
}
