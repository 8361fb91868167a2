package dev.tokenx.kafka.consumer;

import dev.tokenx.events.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * The records of one poll as a batch listener sees them (in the poll's order: offset order per partition), and how
 * the listener's work reports that it stopped at one of them.
 *
 * <p>A batch listener is not shielded from unreadable records as a record listener is (the container hands those to
 * the error handler before the listener runs): here they arrive with a {@code null} value and the {@code
 * ErrorHandlingDeserializer}'s exception in a header. So {@link #records()} stops before the first unreadable record,
 * and {@link #process} dead-letters that record once the work on the records before it is done.
 *
 * <p>The work reports a record that failed with an exception of its own that names the record's position in {@link
 * #records()} and carries the real failure as its cause; {@link #process} turns it into spring-kafka's {@link
 * BatchListenerFailedException}, on which the error handler commits the records before it, retries that record with
 * backoff (or dead-letters it at once when no retry can help, as its cause decides) and then delivers the rest of the
 * poll again. A failure the work does not place is laid on the first record: nothing is committed that is not known
 * to be done.
 *
 * <pre>{@code
 * @KafkaListener(id = ID, topics = Topics.SETTLEMENT_EVENTS, containerFactory = KafkaConsumers.BATCH)
 * void on(List<ConsumerRecord<String, DomainEvent>> records) {
 *     ConsumedBatch<SettlementEvent> batch = ConsumedBatch.of(records, SettlementEvent.class);
 *     batch.process(
 *             () -> recordSettlement.recordAll(batch.map(Listener::report)).block(),
 *             SettlementsPartlyRecorded.class,
 *             SettlementsPartlyRecorded::failedAt);
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
     * Runs the listener's work on {@link #records()}, then dead-letters the unreadable record that ended them, if there
     * was one.
     *
     * @param stoppedAt the exception by which the work reports the record it stopped at (its cause is the failure)
     * @param position that record's position in {@link #records()}
     * @throws BatchListenerFailedException for the record the work stopped at, or for the unreadable record
     */
    public <X extends RuntimeException> void process(
            Runnable work, Class<X> stoppedAt, ToIntFunction<? super X> position) {
        try {
            work.run();
        } catch (RuntimeException failure) {
            throw placed(failure, stoppedAt, position);
        }
        if (unreadable != null) {
            throw new BatchListenerFailedException(
                    "Record " + unreadable.topic() + "-" + unreadable.partition() + "@" + unreadable.offset()
                            + " cannot be read",
                    unreadableCause,
                    unreadable);
        }
    }

    private <X extends RuntimeException> RuntimeException placed(
            RuntimeException failure, Class<X> stoppedAt, ToIntFunction<? super X> position) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (stoppedAt.isInstance(cause)) {
                X stopped = stoppedAt.cast(cause);
                return failedAt(
                        position.applyAsInt(stopped), stopped.getCause() == null ? stopped : stopped.getCause());
            }
        }
        return records.isEmpty() ? failure : failedAt(0, failure);
    }

    private BatchListenerFailedException failedAt(int position, Throwable cause) {
        ConsumerRecord<String, V> record = records.get(position);
        return new BatchListenerFailedException(
                "Record " + record.topic() + "-" + record.partition() + "@" + record.offset() + " failed",
                cause,
                record);
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
