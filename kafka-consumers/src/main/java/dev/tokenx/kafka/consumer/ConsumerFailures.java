package dev.tokenx.kafka.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.listener.RetryListener;

/**
 * One log line per failed attempt and per dead letter, without stack traces (the dead letter's headers keep the
 * exception), and the counter {@code tokenx_kafka_dead_letters_total{topic}} for alerting.
 */
final class ConsumerFailures implements RetryListener {

    private static final Logger log = LoggerFactory.getLogger(ConsumerFailures.class);

    private final MeterRegistry meters;

    ConsumerFailures(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
        log.warn("Attempt {} failed for {}: {}", deliveryAttempt, coordinates(record), reason(failure));
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
        meters.counter("tokenx.kafka.dead.letters", "topic", record.topic()).increment();
        log.error("Dead-lettered {}: {}", coordinates(record), reason(failure));
    }

    @Override
    public void recoveryFailed(ConsumerRecord<?, ?> record, Exception original, Exception failure) {
        log.error(
                "Could not dead-letter {} (it will be tried again): {}; original failure: {}",
                coordinates(record),
                failure.toString(),
                reason(original));
    }

    private static String coordinates(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset() + " (key " + record.key() + ")";
    }

    /** The innermost failure: the listener adapter and the batch wrap the real one. */
    private static String reason(Throwable failure) {
        return String.valueOf(NestedExceptionUtils.getMostSpecificCause(failure));
    }
}
