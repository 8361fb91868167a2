package dev.tokenx.blockchain.settlement.messaging;

import dev.tokenx.blockchain.settlement.application.OrderNotSettleable;
import dev.tokenx.blockchain.settlement.application.PlacedOrder;
import dev.tokenx.blockchain.settlement.application.SettleOrders;
import dev.tokenx.events.DomainEvent;
import dev.tokenx.events.OrderPlaced;
import dev.tokenx.events.Topics;
import dev.tokenx.kafka.consumer.ConsumedBatch;
import dev.tokenx.kafka.consumer.KafkaConsumers;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Hands each poll's placed orders to {@link SettleOrders} at once, so that orders of one token share chain
 * transactions; the topic's other events (order status changes) are not settlement's business. Failures are the
 * platform's consumer policy's (module {@code kafka-consumers}), always for one named record: one that can never be
 * settled, or not even read, is dead-lettered at once; a failure of the whole batch (the chain is down) is laid on
 * the batch's first order and retried with the backoff. The error handler commits the records before the named one
 * and delivers the rest again, which find their settlements, so nothing is sent twice.
 */
@Component
class OrderPlacedListener {

    static final String ID = "settle-placed-orders";

    private final SettleOrders settleOrders;

    OrderPlacedListener(SettleOrders settleOrders) {
        this.settleOrders = settleOrders;
    }

    /** Waits for the settlement step: the container commits, retries or dead-letters only on its outcome. */
    @KafkaListener(id = ID, topics = Topics.ORDER_EVENTS, idIsGroup = false, containerFactory = KafkaConsumers.BATCH)
    void on(List<ConsumerRecord<String, DomainEvent>> records) {
        ConsumedBatch<OrderPlaced> batch = ConsumedBatch.of(records, OrderPlaced.class);
        batch.process(
                () -> settleOrders
                        .settle(batch.map(OrderPlacedListener::placedOrder))
                        .block(),
                OrderNotSettleable.class,
                OrderNotSettleable::position);
    }

    private static PlacedOrder placedOrder(ConsumerRecord<String, OrderPlaced> record) {
        return new PlacedOrder(record.value(), ConsumedBatch.requestId(record));
    }
}
