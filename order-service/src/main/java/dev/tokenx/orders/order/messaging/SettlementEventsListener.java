package dev.tokenx.orders.order.messaging;

import dev.tokenx.events.DomainEvent;
import dev.tokenx.events.SettlementEvent;
import dev.tokenx.events.Topics;
import dev.tokenx.kafka.consumer.ConsumedBatch;
import dev.tokenx.kafka.consumer.KafkaConsumers;
import dev.tokenx.orders.order.application.RecordSettlement;
import dev.tokenx.orders.order.application.SettlementReport;
import dev.tokenx.orders.order.application.SettlementsPartlyRecorded;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Hands each poll's settlement events to {@link RecordSettlement}, in the poll's order (one order's events share a
 * key, hence a partition, and arrive in offset order). Failures are the container's (module {@code
 * kafka-consumers}): the failed event is retried or dead-lettered, those before it are committed, the rest come
 * again.
 */
@Component
class SettlementEventsListener {

    static final String ID = "record-settlements";

    private final RecordSettlement recordSettlement;

    SettlementEventsListener(RecordSettlement recordSettlement) {
        this.recordSettlement = recordSettlement;
    }

    /** Waits for the batch's transactions: the container commits, retries or dead-letters only on their outcome. */
    @KafkaListener(
            id = ID,
            topics = Topics.SETTLEMENT_EVENTS,
            idIsGroup = false,
            containerFactory = KafkaConsumers.BATCH)
    void on(List<ConsumerRecord<String, DomainEvent>> records) {
        ConsumedBatch<SettlementEvent> batch = ConsumedBatch.of(records, SettlementEvent.class);
        batch.process(
                () -> recordSettlement
                        .recordAll(batch.map(SettlementEventsListener::report))
                        .block(),
                SettlementsPartlyRecorded.class,
                SettlementsPartlyRecorded::failedAt);
    }

    private static SettlementReport report(ConsumerRecord<String, SettlementEvent> record) {
        return new SettlementReport(record.value(), ConsumedBatch.requestId(record));
    }
}
