package dev.tokenx.kafka.consumer;

import dev.tokenx.events.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * The records of one poll as a batch listener sees them: the readable records before the first unreadable one, in
 * the poll's order (offset order per partition), and how the listener reports that one of them failed.
 *
 * <p>A batch listener is not shielded from unreadable records as a record listener is (the container hands those to
 * the error handler before the listener runs): here they arrive with a {@code null} value and the {@code
 * ErrorHandlingDeserializer}'s exception in a header. So the listener works on {@link #records()}, which stops before
 * the first unreadable record, and then calls {@link #rejectUnreadable()}: the records before it are committed, the
 * unreadable one is dead-lettered at once (a {@link DeserializationException} is never retried), and the rest of the
 * poll is delivered again.
 *
 * <pre>{@code
 * @KafkaListener(id = ID, topics = Topics.SETTLEMENT_EVENTS, containerFactory = KafkaConsumers.BATCH)
 * void on(List<ConsumerRecord<String, DomainEvent>> records) {
 *     ConsumedBatch<SettlementEvent> batch = ConsumedBatch.of(records, SettlementEvent.class);
 *     recordSettlement.recordAll(batch.map(Listener::settlement))
 *             .onErrorMap(PartlyRecorded.class, partly -> batch.failedAt(partly.failedAt(), partly.getCause()))
 *             .block();
 *     batch.rejectUnreadable();
 * }
 * }</pre>
 *
 * @param <V> the event family the listener handles; readable records of other types are left out
 */
public final class ConsumedBatch<V> {

    private static final LogAccessor LOG = new LogAccessor(ConsumedBatch.class);

    private final List<ConsumerRecord<String, V>> records;
    private final ConsumerRecord<?, ?> unreadable;
    private final DeserializationException unreadableCause;

    private ConsumedBatch(
            List<ConsumerRecord<String, V>> records,
            ConsumerRecord<?, ?> unreadable,
            DeserializationException unreadableCause) {
        this.records = List.copyOf(records);
        this.unreadable = unreadable;
        this.unreadableCause = unreadableCause;
    }

    /**
     * @param type the family the listener handles; a readable record of another type is skipped (committed with the
     *     batch), as a record listener's {@code instanceof} would skip it
     */
    @SuppressWarnings("unchecked")
    public static <V> ConsumedBatch<V> of(List<? extends ConsumerRecord<String, ?>> polled, Class<V> type) {
        List<ConsumerRecord<String, V>> readable = new ArrayList<>(polled.size());
        for (ConsumerRecord<String, ?> record : polled) {
            DeserializationException failure = unreadable(record);
            if (failure != null) {
                return new ConsumedBatch<>(readable, record, failure);
            }
            if (type.isInstance(record.value())) {
                readable.add((ConsumerRecord<String, V>) record);
            }
        }
        return new ConsumedBatch<>(readable, null, null);
    }

    /** The readable records before the first unreadable one, in the poll's order. */
    public List<ConsumerRecord<String, V>> records() {
        return records;
    }

    /** Each of {@link #records()} translated, in order: position {@code i} of the result is record {@code i}. */
    public <T> List<T> map(Function<ConsumerRecord<String, V>, T> translation) {
        return records.stream().map(translation).toList();
    }

    /**
     * The failure to throw when record {@code position} of {@link #records()} failed and every record before it was
     * handled: the error handler commits those, retries this one with backoff (or dead-letters it at once when no
     * retry can help), then delivers the rest of the poll again.
     */
    public BatchListenerFailedException failedAt(int position, Throwable cause) {
        ConsumerRecord<String, V> record = records.get(position);
        return new BatchListenerFailedException(
                "Record " + record.topic() + "-" + record.partition() + "@" + record.offset() + " failed",
                cause,
                record);
    }

    /**
     * Called once {@link #records()} are handled: dead-letters the unreadable record that ended them, if there was one.
     *
     * @throws BatchListenerFailedException for that record
     */
    public void rejectUnreadable() {
        if (unreadable != null) {
            throw new BatchListenerFailedException(
                    "Record " + unreadable.topic() + "-" + unreadable.partition() + "@" + unreadable.offset()
                            + " cannot be read",
                    unreadableCause,
                    unreadable);
        }
    }

    /** The {@code x-request-id} the publishing service stamped on the record, from the request that caused it. */
    public static Optional<String> requestId(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(EventHeaders.REQUEST_ID);
        return Optional.ofNullable(header).map(value -> new String(value.value(), StandardCharsets.UTF_8));
    }

    /** The {@code ErrorHandlingDeserializer}'s failure for a record that could not be read, else null. */
    static DeserializationException unreadable(ConsumerRecord<?, ?> record) {
        if (record.value() != null) {
            return null;
        }
        return SerializationUtils.getExceptionFromHeader(
                record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
    }
}
