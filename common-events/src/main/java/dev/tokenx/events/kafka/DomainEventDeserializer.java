package dev.tokenx.events.kafka;

import dev.tokenx.events.DomainEvent;
import dev.tokenx.events.EventHeaders;
import dev.tokenx.events.EventJson;
import dev.tokenx.events.UnknownEventType;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import tools.jackson.core.JacksonException;

/**
 * Reads an event by the logical name in its {@code event-type} header. Anything it cannot read fails with a
 * {@link SerializationException}, which spring-kafka's {@code ErrorHandlingDeserializer} turns into a dead letter
 * instead of an endless redelivery.
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
        try {
            return EventJson.read(typeName, data);
        } catch (UnknownEventType | JacksonException e) {
            throw new SerializationException("Cannot read " + typeName + " from " + topic, e);
        }
    }
}
