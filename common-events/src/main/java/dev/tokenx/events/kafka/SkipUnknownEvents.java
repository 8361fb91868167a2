package dev.tokenx.events.kafka;

import dev.tokenx.events.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.adapter.RecordFilterStrategy;

/**
 * Skips the records {@link DomainEventDeserializer} read as {@code null}: events of a type this build does not know
 * (a newer producer's). Their offsets are committed like any other; each new type is logged once per process. A
 * service declares it as a bean and Spring Boot puts it on the listener container factory.
 */
public final class SkipUnknownEvents implements RecordFilterStrategy<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(SkipUnknownEvents.class);

    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    @Override
    public boolean filter(ConsumerRecord<Object, Object> record) {
        if (record.value() != null) {
            return false;
        }
        String type = typeOf(record);
        if (reported.add(record.topic() + " " + type)) {
            log.info(
                    "Skipping events of type {} on {}: unknown to this build (first at offset {} of partition {})",
                    type,
                    record.topic(),
                    record.offset(),
                    record.partition());
        }
        return true;
    }

    private static String typeOf(ConsumerRecord<Object, Object> record) {
        Header type = record.headers().lastHeader(EventHeaders.EVENT_TYPE);
        return type == null ? "(none)" : new String(type.value(), StandardCharsets.UTF_8);
    }
}
