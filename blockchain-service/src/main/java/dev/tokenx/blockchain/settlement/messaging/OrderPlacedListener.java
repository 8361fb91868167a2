package dev.tokenx.blockchain.settlement.messaging;

import dev.tokenx.blockchain.settlement.application.OrderNotSettleable;
import dev.tokenx.blockchain.settlement.application.PlacedOrder;
import dev.tokenx.blockchain.settlement.application.SettleOrders;
import dev.tokenx.events.DomainEvent;
import dev.tokenx.events.EventHeaders;
import dev.tokenx.events.OrderPlaced;
import dev.tokenx.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Hands each poll's placed orders to {@link SettleOrders} at once, so that orders of one token share chain
 * transactions; the topic's other events (order status changes) are not settlement's business. Failures are the
 * container's ({@link KafkaConsumerConfiguration}), always for one named record: one that can never be settled, or
 * not even read, is dead-lettered at once; a failure of the whole batch (the chain is down) is retried with the
 * backoff from the batch's first order. The error handler commits the records before the named one and delivers the
 * rest again, which find their settlements, so nothing is sent twice.
 */
@Component
class OrderPlacedListener {

    static final String ID = "settle-placed-orders";

    private static final LogAccessor LOG = new LogAccessor(OrderPlacedListener.class);

    private final SettleOrders settleOrders;

    OrderPlacedListener(SettleOrders settleOrders) {
        this.settleOrders = settleOrders;
    }

    /**
     * Waits for the settlement step to finish: the container commits the offsets, retries or dead-letters records only
     * on its outcome. Records after an unreadable one wait for the redelivery that follows it.
     */
    @KafkaListener(id = ID, topics = Topics.ORDER_EVENTS, idIsGroup = false, batch = "true")
    void on(List<ConsumerRecord<String, DomainEvent>> records) {
        int readable = firstUnreadable(records);
        List<ConsumerRecord<String, DomainEvent>> placed = records.subList(0, readable).stream()
                .filter(record -> record.value() instanceof OrderPlaced)
                .toList();
        settleOrders
                .settle(placed.stream().map(OrderPlacedListener::placedOrder).toList())
                .onErrorMap(failure -> failedAt(placed, failure))
                .block();
        if (readable < records.size()) {
            ConsumerRecord<String, DomainEvent> unreadable = records.get(readable);
            throw new BatchListenerFailedException("Unreadable record", deserializationFailure(unreadable), unreadable);
        }
    }

    /**
     * Names the record to blame, so that the error handler treats it as a record listener would treat it: committed
     * before it, retried or dead-lettered alone, and the rest delivered again. A failure of the whole batch (the chain
     * is down) is its first order's: retried with the backoff, the others with it, then that order dead-lettered if
     * the retries run out. A batch error handler given no record would instead retry the whole batch and dead-letter
     * every record of it, the orders it had settled too.
     */
    private static BatchListenerFailedException failedAt(
            List<ConsumerRecord<String, DomainEvent>> placed, Throwable failure) {
        if (failure instanceof OrderNotSettleable unsettleable) {
            return new BatchListenerFailedException(
                    unsettleable.getMessage(), unsettleable.getCause(), placed.get(unsettleable.position()));
        }
        return new BatchListenerFailedException(failure.getMessage(), failure, placed.getFirst());
    }

    private static int firstUnreadable(List<ConsumerRecord<String, DomainEvent>> records) {
        for (int i = 0; i < records.size(); i++) {
            if (deserializationFailure(records.get(i)) != null) {
                return i;
            }
        }
        return records.size();
    }

    private static DeserializationException deserializationFailure(ConsumerRecord<String, DomainEvent> record) {
        return SerializationUtils.getExceptionFromHeader(
                record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
    }

    private static PlacedOrder placedOrder(ConsumerRecord<String, DomainEvent> record) {
        return new PlacedOrder((OrderPlaced) record.value(), requestId(record));
    }

    private static Optional<String> requestId(ConsumerRecord<String, DomainEvent> record) {
        Header header = record.headers().lastHeader(EventHeaders.REQUEST_ID);
        return Optional.ofNullable(header).map(h -> new String(h.value(), StandardCharsets.UTF_8));
    }
}
