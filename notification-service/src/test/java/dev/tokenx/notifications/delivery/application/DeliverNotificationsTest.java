package dev.tokenx.notifications.delivery.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenx.events.OrderStatusChanged;
import dev.tokenx.notifications.delivery.domain.Notification;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DeliverNotificationsTest {

    private final RecordingPublisher publisher = new RecordingPublisher();
    private final InMemoryDeliveryLog deliveryLog = new InMemoryDeliveryLog();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DeliverNotifications deliver = new DeliverNotifications(publisher, deliveryLog, meters);

    @Test
    void sends_an_event_and_remembers_it_as_sent() {
        OrderStatusChanged accepted = accepted();

        deliver.orderStatusChanged(accepted);

        assertThat(publisher.sent).extracting(Notification::eventId).containsExactly(accepted.eventId());
        assertThat(deliveryLog.ids).containsExactly(accepted.eventId());
    }

    @Test
    void does_not_send_an_event_a_second_time() {
        OrderStatusChanged accepted = accepted();

        deliver.orderStatusChanged(accepted);
        deliver.orderStatusChanged(accepted);

        assertThat(publisher.sent).hasSize(1);
        assertThat(meters.counter("notifications.duplicates", "event", "order-status")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void does_not_remember_an_event_whose_send_failed_so_that_it_is_sent_when_retried() {
        OrderStatusChanged accepted = accepted();
        publisher.failNext(RealtimeDeliveryFailed.unavailable("HTTP 503"));

        assertThatThrownBy(() -> deliver.orderStatusChanged(accepted)).isInstanceOf(RealtimeDeliveryFailed.class);
        deliver.orderStatusChanged(accepted);

        assertThat(publisher.sent).extracting(Notification::eventId).containsExactly(accepted.eventId());
        assertThat(deliveryLog.ids).containsExactly(accepted.eventId());
    }

    @Nested
    class While_the_delivery_log_is_unavailable {

        @Test
        void sends_anyway_and_counts_the_lookup_and_the_record_it_missed() {
            deliveryLog.down = true;

            deliver.orderStatusChanged(accepted());

            assertThat(publisher.sent).hasSize(1);
            assertThat(meters.counter("notifications.deduplication.unavailable", "operation", "lookup")
                            .count())
                    .isEqualTo(1);
            assertThat(meters.counter("notifications.deduplication.unavailable", "operation", "record")
                            .count())
                    .isEqualTo(1);
        }

        @Test
        void sends_a_redelivered_event_again_rather_than_lose_one() {
            OrderStatusChanged accepted = accepted();
            deliveryLog.down = true;

            deliver.orderStatusChanged(accepted);
            deliver.orderStatusChanged(accepted);

            assertThat(publisher.sent).hasSize(2);
        }
    }

    private static OrderStatusChanged accepted() {
        return new OrderStatusChanged(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "BLRTECH",
                "ACCEPTED",
                null,
                null,
                null,
                null,
                Instant.now());
    }

    private static final class RecordingPublisher implements RealtimePublisher {

        private final List<Notification> sent = new ArrayList<>();
        private RealtimeDeliveryFailed nextFailure;

        void failNext(RealtimeDeliveryFailed failure) {
            nextFailure = failure;
        }

        @Override
        public void publish(Notification notification) {
            if (nextFailure != null) {
                RealtimeDeliveryFailed failure = nextFailure;
                nextFailure = null;
                throw failure;
            }
            sent.add(notification);
        }
    }

    private static final class InMemoryDeliveryLog implements DeliveryLog {

        private final Set<UUID> ids = new HashSet<>();
        private boolean down;

        @Override
        public boolean contains(UUID eventId) {
            failIfDown();
            return ids.contains(eventId);
        }

        @Override
        public void record(UUID eventId) {
            failIfDown();
            ids.add(eventId);
        }

        private void failIfDown() {
            if (down) {
                throw new DeliveryLogUnavailable("Redis is down", null);
            }
        }
    }
}
