package dev.tokenx.notifications.delivery.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RetryListener;

/**
 * One log line per failed attempt and per dead letter, without stack traces (the dead letter's headers keep the
 * exception), and the counter {@code notifications_dead_lettered_total} by topic for alerting.
 */
final class DeliveryFailures implements RetryListener {

    private static final Logger log = LoggerFactory.getLogger(DeliveryFailures.class);

    private final MeterRegistry meters;

    DeliveryFailures(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
        log.warn("Attempt {} failed for {}: {}", deliveryAttempt, coordinates(record), reason(failure));
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
        meters.counter("notifications.dead.lettered", "topic", record.topic()).increment();
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

    /** The innermost message: the listener adapter wraps the real failure. */
    private static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
