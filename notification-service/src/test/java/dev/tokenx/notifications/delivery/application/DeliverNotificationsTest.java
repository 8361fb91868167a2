package dev.tokenx.notifications.delivery.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenx.events.OrderStatusChanged;
import dev.tokenx.notifications.delivery.domain.Notification;
import dev.tokenx.notifications.delivery.domain.Notifications;
import dev.tokenx.notifications.delivery.domain.UndeliverableEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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

        deliver(accepted);

        assertThat(publisher.sent()).extracting(Notification::eventId).containsExactly(accepted.eventId());
        assertThat(deliveryLog.ids).containsExactly(accepted.eventId());
    }

    @Test
    void does_not_send_an_event_a_second_time() {
        OrderStatusChanged accepted = accepted();

        deliver(accepted);
        deliver(accepted);

        assertThat(publisher.sent()).hasSize(1);
        assertThat(meters.counter("notifications.duplicates", "event", "order-status")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void does_not_send_an_event_twice_within_one_batch() {
        OrderStatusChanged accepted = accepted();
        OrderStatusChanged settling = accepted();

        deliver(accepted, accepted, settling);

        assertThat(publisher.sent())
                .extracting(Notification::eventId)
                .containsExactly(accepted.eventId(), settling.eventId());
        assertThat(meters.counter("notifications.duplicates", "event", "order-status")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void does_not_remember_an_event_whose_send_failed_so_that_it_is_sent_when_retried() {
        OrderStatusChanged accepted = accepted();
        publisher.failNext(RealtimeDeliveryFailed.unavailable("HTTP 503"));

        assertThatThrownBy(() -> deliver(accepted)).isInstanceOf(NotificationsPartlyDelivered.class);
        deliver(accepted);

        assertThat(publisher.sent()).extracting(Notification::eventId).containsExactly(accepted.eventId());
        assertThat(deliveryLog.ids).containsExactly(accepted.eventId());
    }

    @Nested
    class A_batch {

        @Test
        void goes_out_in_requests_of_at_most_ten_messages_in_its_order() {
            OrderStatusChanged[] events = events(23);

            deliver(events);

            assertThat(publisher.requests).extracting(List::size).containsExactly(10, 10, 3);
            assertThat(publisher.sent()).extracting(Notification::eventId).containsExactlyElementsOf(ids(events));
        }

        @Test
        void is_looked_up_in_the_delivery_log_once_and_recorded_once_per_request() {
            deliver(events(23));

            assertThat(deliveryLog.lookups).isEqualTo(1);
            assertThat(deliveryLog.records).isEqualTo(3);
        }

        @Test
        void skips_the_events_sent_before_and_sends_the_others() {
            OrderStatusChanged[] events = events(3);
            deliver(events[1]);

            deliver(events);

            assertThat(publisher.requests.getLast())
                    .extracting(Notification::eventId)
                    .containsExactly(events[0].eventId(), events[2].eventId());
        }

        @Test
        void stops_at_an_event_that_lacks_what_its_message_needs_after_sending_those_before_it() {
            OrderStatusChanged[] events = events(4);
            events[2] = withoutUser(events[2]);

            assertThatThrownBy(() -> deliver(events))
                    .isInstanceOfSatisfying(
                            NotificationsPartlyDelivered.class,
                            partly -> assertThat(partly.failedAt()).isEqualTo(2))
                    .hasCauseInstanceOf(UndeliverableEvent.class);
            assertThat(publisher.sent())
                    .extracting(Notification::eventId)
                    .containsExactly(events[0].eventId(), events[1].eventId());
            assertThat(deliveryLog.ids).containsExactlyInAnyOrder(events[0].eventId(), events[1].eventId());
        }

        @Test
        void stops_at_the_first_message_of_a_request_that_failed_and_keeps_the_requests_before_it() {
            OrderStatusChanged[] events = events(15);
            publisher.failRequestsWith(events[12].eventId(), RealtimeDeliveryFailed.unavailable("HTTP 503"));

            assertThatThrownBy(() -> deliver(events))
                    .isInstanceOfSatisfying(
                            NotificationsPartlyDelivered.class,
                            partly -> assertThat(partly.failedAt()).isEqualTo(10))
                    .hasCauseInstanceOf(RealtimeDeliveryFailed.class);
            assertThat(deliveryLog.ids)
                    .containsExactlyInAnyOrderElementsOf(ids(events).subList(0, 10));
        }

        @Test
        void refused_as_a_whole_is_sent_again_one_by_one_and_stops_at_the_refused_message() {
            OrderStatusChanged[] events = events(3);
            publisher.failRequestsWith(events[1].eventId(), RealtimeDeliveryFailed.rejected("HTTP 413", null));

            assertThatThrownBy(() -> deliver(events))
                    .isInstanceOfSatisfying(
                            NotificationsPartlyDelivered.class,
                            partly -> assertThat(partly.failedAt()).isEqualTo(1));
            assertThat(publisher.requests).extracting(List::size).containsExactly(3, 1, 1);
            assertThat(publisher.sent()).extracting(Notification::eventId).containsExactly(events[0].eventId());
            assertThat(deliveryLog.ids).containsExactly(events[0].eventId());
        }

        @Test
        void of_events_that_ask_for_no_message_sends_nothing() {
            deliver.deliver(List.of(new ReceivedEvent<>(accepted(), Optional.empty())), changed -> Optional.empty());

            assertThat(publisher.requests).isEmpty();
            assertThat(deliveryLog.lookups).isZero();
        }
    }

    @Nested
    class While_the_delivery_log_is_unavailable {

        @Test
        void sends_anyway_and_counts_each_lookup_and_record_it_missed() {
            deliveryLog.down = true;

            deliver(events(2));

            assertThat(publisher.sent()).hasSize(2);
            assertThat(meters.counter("notifications.deduplication.unavailable", "operation", "lookup")
                            .count())
                    .isEqualTo(2);
            assertThat(meters.counter("notifications.deduplication.unavailable", "operation", "record")
                            .count())
                    .isEqualTo(2);
        }

        @Test
        void sends_a_redelivered_event_again_rather_than_lose_one() {
            OrderStatusChanged accepted = accepted();
            deliveryLog.down = true;

            deliver(accepted);
            deliver(accepted);

            assertThat(publisher.sent()).hasSize(2);
        }
    }

    private void deliver(OrderStatusChanged... events) {
        deliver.deliver(
                Arrays.stream(events)
                        .map(event -> new ReceivedEvent<>(event, Optional.<String>empty()))
                        .toList(),
                changed -> Optional.of(Notifications.of(changed)));
    }

    private static OrderStatusChanged[] events(int count) {
        return IntStream.range(0, count).mapToObj(ignored -> accepted()).toArray(OrderStatusChanged[]::new);
    }

    private static List<UUID> ids(OrderStatusChanged... events) {
        return Arrays.stream(events).map(OrderStatusChanged::eventId).toList();
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

    private static OrderStatusChanged withoutUser(OrderStatusChanged changed) {
        return new OrderStatusChanged(
                changed.eventId(),
                changed.orderId(),
                null,
                changed.tokenSymbol(),
                changed.status(),
                null,
                null,
                null,
                null,
                changed.occurredAt());
    }

    private static final class RecordingPublisher implements RealtimePublisher {

        private final List<List<Notification>> requests = new ArrayList<>();
        private final List<List<Notification>> accepted = new ArrayList<>();
        private RealtimeDeliveryFailed nextFailure;
        private Predicate<List<Notification>> failing = request -> false;
        private RealtimeDeliveryFailed failure;

        void failNext(RealtimeDeliveryFailed failure) {
            nextFailure = failure;
        }

        /** Every request holding the event's message fails. */
        void failRequestsWith(UUID eventId, RealtimeDeliveryFailed failure) {
            this.failing = request -> request.stream()
                    .anyMatch(notification -> notification.eventId().equals(eventId));
            this.failure = failure;
        }

        @Override
        public void publish(List<Notification> notifications) {
            assertThat(notifications).hasSizeBetween(1, MAX_BATCH);
            requests.add(List.copyOf(notifications));
            if (nextFailure != null) {
                RealtimeDeliveryFailed thrown = nextFailure;
                nextFailure = null;
                throw thrown;
            }
            if (failing.test(notifications)) {
                throw failure;
            }
            accepted.add(List.copyOf(notifications));
        }

        List<Notification> sent() {
            return accepted.stream().flatMap(List::stream).toList();
        }
    }

    private static final class InMemoryDeliveryLog implements DeliveryLog {

        private final Set<UUID> ids = new HashSet<>();
        private boolean down;
        private int lookups;
        private int records;

        @Override
        public Set<UUID> delivered(Collection<UUID> eventIds) {
            failIfDown();
            lookups++;
            return eventIds.stream().filter(ids::contains).collect(Collectors.toSet());
        }

        @Override
        public void record(Collection<UUID> eventIds) {
            failIfDown();
            records++;
            ids.addAll(eventIds);
        }

        private void failIfDown() {
            if (down) {
                throw new DeliveryLogUnavailable("Redis is down", null);
            }
        }
    }
}
