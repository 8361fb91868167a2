package dev.tokenx.kafka.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

class ConsumedBatchTest {

    private static final String TOPIC = "orders.order-events";

    @Test
    void holds_the_readable_records_before_the_first_unreadable_one_in_their_order() {
        List<ConsumerRecord<String, Object>> poll = List.of(event(0, "a"), event(1, "b"), unreadable(2), event(3, "c"));

        ConsumedBatch<String> batch = ConsumedBatch.of(poll, String.class);

        assertThat(batch.map(ConsumerRecord::value)).containsExactly("a", "b");
    }

    @Test
    void leaves_out_readable_records_of_another_family() {
        List<ConsumerRecord<String, Object>> poll = List.of(event(0, "a"), event(1, 42L), event(2, "b"));

        ConsumedBatch<String> batch = ConsumedBatch.of(poll, String.class);

        assertThat(batch.records()).extracting(ConsumerRecord::offset).containsExactly(0L, 2L);
    }

    @Nested
    class Processing {

        private final List<ConsumerRecord<String, Object>> poll = List.of(event(0, "a"), event(1, "b"), event(2, "c"));
        private final ConsumedBatch<String> batch = ConsumedBatch.of(poll, String.class);

        @Test
        void reports_the_record_the_work_stopped_at_with_the_real_failure() {
            IllegalStateException cause = new IllegalStateException("order not found");

            assertThatThrownBy(() -> batch.process(
                            () -> {
                                throw new StoppedAt(1, cause);
                            },
                            StoppedAt.class,
                            StoppedAt::position))
                    .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> {
                        assertThat(failed.getRecord()).isSameAs(poll.get(1));
                        assertThat(failed.getCause()).isSameAs(cause);
                    });
        }

        @Test
        void lays_a_failure_the_work_does_not_place_on_the_first_record() {
            IllegalStateException unplaced = new IllegalStateException("database down");

            assertThatThrownBy(() -> batch.process(
                            () -> {
                                throw unplaced;
                            },
                            StoppedAt.class,
                            StoppedAt::position))
                    .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> {
                        assertThat(failed.getRecord()).isSameAs(poll.get(0));
                        assertThat(failed.getCause()).isSameAs(unplaced);
                    });
        }

        @Test
        void completes_when_the_work_does() {
            List<String> done = new ArrayList<>();

            batch.process(() -> done.addAll(batch.map(ConsumerRecord::value)), StoppedAt.class, StoppedAt::position);

            assertThat(done).containsExactly("a", "b", "c");
        }
    }

    @Test
    void dead_letters_the_unreadable_record_once_the_records_before_it_are_done() {
        List<ConsumerRecord<String, Object>> poll = List.of(event(0, "a"), unreadable(1), event(2, "b"));
        ConsumedBatch<String> batch = ConsumedBatch.of(poll, String.class);
        List<String> done = new ArrayList<>();

        assertThatThrownBy(() -> batch.process(
                        () -> done.addAll(batch.map(ConsumerRecord::value)), StoppedAt.class, StoppedAt::position))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> {
                    assertThat(failed.getRecord()).isSameAs(poll.get(1));
                    assertThat(failed.getCause()).isInstanceOf(DeserializationException.class);
                });
        assertThat(done).containsExactly("a");
    }

    @Test
    void reads_the_request_id_header() {
        ConsumerRecord<String, Object> record = event(0, "a");
        record.headers().add("x-request-id", "req-1".getBytes(StandardCharsets.UTF_8));

        assertThat(ConsumedBatch.requestId(record)).contains("req-1");
        assertThat(ConsumedBatch.requestId(event(1, "b"))).isEmpty();
    }

    private static ConsumerRecord<String, Object> event(long offset, Object value) {
        return new ConsumerRecord<>(TOPIC, 0, offset, "key", value);
    }

    /** What the ErrorHandlingDeserializer hands over for a record it could not read. */
    private static ConsumerRecord<String, Object> unreadable(long offset) {
        ConsumerRecord<String, Object> record = new ConsumerRecord<>(TOPIC, 0, offset, "key", null);
        byte[] data = "{not json".getBytes(StandardCharsets.UTF_8);
        SerializationUtils.deserializationException(
                record.headers(), data, new IllegalArgumentException("broken JSON"), false);
        return record;
    }

    private static final class StoppedAt extends RuntimeException {

        private final int position;

        StoppedAt(int position, Throwable cause) {
            super(cause);
            this.position = position;
        }

        int position() {
            return position;
        }
    }
}
