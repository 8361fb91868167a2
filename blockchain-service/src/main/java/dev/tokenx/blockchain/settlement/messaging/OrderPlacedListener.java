package dev.tokenx.blockchain.settlement.messaging;

import dev.tokenx.blockchain.settlement.application.SettleOrder;
import dev.tokenx.events.DomainEvent;
import dev.tokenx.events.EventHeaders;
import dev.tokenx.events.OrderPlaced;
import dev.tokenx.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Hands each placed order to {@link SettleOrder}; the topic's other events (order status changes) are not settlement's
 * business. Failures are the container's: retried, then dead-lettered ({@link KafkaConsumerConfiguration}).
 */
@Component
class OrderPlacedListener {

    static final String ID = "settle-placed-orders";

    private final SettleOrder settleOrder;

    OrderPlacedListener(SettleOrder settleOrder) {
        this.settleOrder = settleOrder;
    }

    /**
     * Waits for the settlement step to finish: the container commits the offset, retries or dead-letters the record
     * only on its outcome, and a partition's orders go one after the other.
     */
    @KafkaListener(id = ID, topics = Topics.ORDER_EVENTS, idIsGroup = false)
    void on(ConsumerRecord<String, DomainEvent> record) {
        if (record.value() instanceof OrderPlaced placed) {
            settleOrder.settle(placed, requestId(record)).block();
        }
    }

    private static Optional<String> requestId(ConsumerRecord<String, DomainEvent> record) {
        Header header = record.headers().lastHeader(EventHeaders.REQUEST_ID);
        return Optional.ofNullable(header).map(h -> new String(h.value(), StandardCharsets.UTF_8));
    }
}
