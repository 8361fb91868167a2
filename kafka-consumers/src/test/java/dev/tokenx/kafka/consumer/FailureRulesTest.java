package dev.tokenx.kafka.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/** Which failures are permanent, and what a dead letter says about the failure. */
class FailureRulesTest {

    @Test
    void a_condition_on_a_failure_type_holds_anywhere_in_the_cause_chain() {
        NonRetryableExceptions refusals = NonRetryableExceptions.of(IllegalArgumentException.class)
                .and(Refused.class, refused -> !refused.retryable);

        assertThat(refusals.conditionHolds(new RuntimeException("wrapped", new Refused(false))))
                .isTrue();
        assertThat(refusals.conditionHolds(new RuntimeException("wrapped", new Refused(true))))
                .isFalse();
        assertThat(refusals.conditionHolds(new IllegalStateException("other"))).isFalse();
        assertThat(refusals.types()).containsExactly(IllegalArgumentException.class);
    }

    @Test
    void a_dead_letter_of_a_batch_names_the_real_failure_and_keeps_the_group() {
        IllegalStateException real = new IllegalStateException("order not found");
        ConsumerRecord<String, String> record = new ConsumerRecord<>("t", 0, 3, "k", "v");
        Exception thrown = new ListenerExecutionFailedException(
                "Listener failed",
                "order-service",
                new BatchListenerFailedException("Record t-0@3 failed", real, record));

        Exception unwrapped = DeadLetterPublishing.unwrapBatch(thrown);

        assertThat(unwrapped)
                .isInstanceOfSatisfying(
                        ListenerExecutionFailedException.class,
                        listener -> assertThat(listener.getGroupId()).isEqualTo("order-service"))
                .hasCause(real);
    }

    @Test
    void a_dead_letter_of_a_record_listener_is_left_as_it_is() {
        Exception thrown = new ListenerExecutionFailedException("Listener failed", "g", new IllegalStateException());

        assertThat(DeadLetterPublishing.unwrapBatch(thrown)).isSameAs(thrown);
    }

    private static final class Refused extends RuntimeException {

        private final boolean retryable;

        Refused(boolean retryable) {
            this.retryable = retryable;
        }
    }
}
