package dev.tokenx.orders.order.messaging;

import dev.tokenx.events.DomainEvent;
import dev.tokenx.events.EventHeaders;
import dev.tokenx.events.SettlementEvent;
import dev.tokenx.events.Topics;
import dev.tokenx.orders.order.application.RecordSettlement;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Hands each settlement event to {@link RecordSettlement}. Failures are the container's: retried, then
 * dead-lettered ({@link KafkaConsumerConfiguration}).
 */
@Component
class SettlementEventsListener {

    static final String ID = "record-settlements";

    private final RecordSettlement recordSettlement;

    SettlementEventsListener(RecordSettlement recordSettlement) {
        this.recordSettlement = recordSettlement;
    }

    /**
     * Waits for the event's transaction to finish: the container commits the offset, retries or dead-letters the
     * record only on its outcome, and one order's events (one key, one partition) are applied in order.
     */
    @KafkaListener(id = ID, topics = Topics.SETTLEMENT_EVENTS, idIsGroup = false)
    void on(ConsumerRecord<String, DomainEvent> record) {
        if (record.value() instanceof SettlementEvent settlement) {
            recordSettlement.record(settlement, requestId(record)).block();
        }
    }

    private static Optional<String> requestId(ConsumerRecord<String, DomainEvent> record) {
        Header header = record.headers().lastHeader(EventHeaders.REQUEST_ID);
        return Optional.ofNullable(header).map(h -> new String(h.value(), StandardCharsets.UTF_8));
    }
}
