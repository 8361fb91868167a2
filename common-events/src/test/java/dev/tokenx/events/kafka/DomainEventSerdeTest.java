package dev.tokenx.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenx.events.DomainEvent;
import dev.tokenx.events.EventHeaders;
import dev.tokenx.events.KycStatusChanged;
import dev.tokenx.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DomainEventSerdeTest {

    private final DomainEventSerializer serializer = new DomainEventSerializer();
    private final DomainEventDeserializer deserializer = new DomainEventDeserializer();
    private final KycStatusChanged event = new KycStatusChanged(
            UUID.randomUUID(), UUID.randomUUID(), "VERIFIED", Instant.parse("2026-11-26T05:00:00Z"));

    @Test
    void names_the_event_in_headers_and_reads_it_back_by_that_name() {
        RecordHeaders headers = new RecordHeaders();

        byte[] bytes = serializer.serialize(Topics.ACCOUNT_EVENTS, headers, event);
        DomainEvent read = deserializer.deserialize(Topics.ACCOUNT_EVENTS, headers, bytes);

        assertThat(read).isEqualTo(event);
        assertThat(header(headers, EventHeaders.EVENT_TYPE)).isEqualTo("KycStatusChanged");
        assertThat(header(headers, EventHeaders.EVENT_ID))
                .isEqualTo(event.eventId().toString());
    }

    @Test
    void a_record_without_a_type_header_is_a_poison_record() {
        byte[] bytes = serializer.serialize(Topics.ACCOUNT_EVENTS, event);

        assertThatThrownBy(() -> deserializer.deserialize(Topics.ACCOUNT_EVENTS, new RecordHeaders(), bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(EventHeaders.EVENT_TYPE);
    }

    @Test
    void a_record_whose_body_does_not_fit_its_type_is_a_poison_record() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT_TYPE, "KycStatusChanged".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> deserializer.deserialize(
                        Topics.ACCOUNT_EVENTS, headers, "not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void a_type_this_build_does_not_know_reads_as_nothing_to_skip_rather_than_poison() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT_TYPE, "OrderCancelled".getBytes(StandardCharsets.UTF_8));

        assertThat(deserializer.deserialize(Topics.ORDER_EVENTS, headers, "{\"orderId\":\"x\"}".getBytes()))
                .isNull();
    }

    private static String header(RecordHeaders headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
