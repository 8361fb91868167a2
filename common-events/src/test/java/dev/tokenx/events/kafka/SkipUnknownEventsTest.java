package dev.tokenx.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.events.EventHeaders;
import dev.tokenx.events.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class SkipUnknownEventsTest {

    private final SkipUnknownEvents filter = new SkipUnknownEvents();

    @Test
    void skips_a_record_whose_event_type_this_build_does_not_know() {
        assertThat(filter.filter(record(null, "OrderCancelled"))).isTrue();
        assertThat(filter.filter(record(null, "OrderCancelled")))
                .as("every one, not only the first")
                .isTrue();
    }

    @Test
    void passes_every_event_it_could_read() {
        assertThat(filter.filter(record("an event", "OrderPlaced"))).isFalse();
    }

    private static ConsumerRecord<Object, Object> record(Object value, String type) {
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>(Topics.ORDER_EVENTS, 0, 42, "key", value);
        record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
