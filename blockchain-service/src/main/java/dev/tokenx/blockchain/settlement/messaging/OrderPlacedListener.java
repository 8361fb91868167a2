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
 * container's ({@link KafkaConsumerConfiguration}): a failure of the whole batch (the chain is down) retries the
 * batch, then dead-letters its records; one record that can never be settled, or not even read, is named to the error
 * handler, which commits the records before it, dead-letters it and delivers the rest again (which find their
 * settlements, so nothing is sent twice).
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
                .onErrorMap(
                        OrderNotSettleable.class,
                        failed -> new BatchListenerFailedException(
                                failed.getMessage(), failed.getCause(), placed.get(failed.position())))
                .block();
        if (readable < records.size()) {
            ConsumerRecord<String, DomainEvent> unreadable = records.get(readable);
            throw new BatchListenerFailedException("Unreadable record", deserializationFailure(unreadable), unreadable);
        }
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
