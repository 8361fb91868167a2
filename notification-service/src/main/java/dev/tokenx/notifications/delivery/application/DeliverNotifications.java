package dev.tokenx.notifications.delivery.application;

import dev.tokenx.notifications.delivery.domain.Notification;
import dev.tokenx.notifications.delivery.domain.UndeliverableEvent;
import dev.tokenx.security.WithRequestId;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Tells users what happened, once per event, a batch of events at a time: one look-up in the {@link DeliveryLog} for
 * the whole batch, then the messages not sent before, in the batch's order, up to {@link RealtimePublisher#MAX_BATCH}
 * per request. An event id is recorded only after the realtime service accepted its message, so a failed send is
 * retried rather than forgotten, and a redelivered success is skipped.
 *
 * <p>A batch stops at the first event it cannot deliver ({@link NotificationsPartlyDelivered} names it): an event that
 * lacks what its message needs, or a request the realtime service did not accept. Everything before it is done; it
 * and everything after it are left for the consumer to retry or dead-letter. A request refused as a whole (4xx: one
 * invalid message refuses all) is sent again message by message, so that only the refused message is given up.
 *
 * <p>The log is a convenience, not a condition: while it is unreachable messages are still sent (at least once, a rare
 * duplicate rather than a lost status), and each such miss is counted in {@code
 * notifications_deduplication_unavailable_total}.
 */
@Service
public class DeliverNotifications {

    private static final Logger log = LoggerFactory.getLogger(DeliverNotifications.class);

    private final RealtimePublisher publisher;
    private final DeliveryLog deliveryLog;
    private final MeterRegistry meters;

    DeliverNotifications(RealtimePublisher publisher, DeliveryLog deliveryLog, MeterRegistry meters) {
        this.publisher = publisher;
        this.deliveryLog = deliveryLog;
        this.meters = meters;
    }

    /**
     * @param notificationOf the message an event asks for, if any; throws {@link UndeliverableEvent} for an event
     *     that lacks what its message needs
     * @throws NotificationsPartlyDelivered naming the first event that could not be delivered
     */
    public <E> void deliver(List<ReceivedEvent<E>> events, Function<? super E, Optional<Notification>> notificationOf) {
        List<Outgoing> outgoing = new ArrayList<>(events.size());
        Set<UUID> inBatch = new HashSet<>();
        for (int position = 0; position < events.size(); position++) {
            ReceivedEvent<E> received = events.get(position);
            Optional<Notification> notification;
            try {
                notification = notificationOf.apply(received.event());
            } catch (UndeliverableEvent undeliverable) {
                sendNew(outgoing);
                throw new NotificationsPartlyDelivered(position, undeliverable);
            }
            if (notification.isPresent()) {
                Outgoing message = new Outgoing(position, notification.get(), received.requestId());
                if (inBatch.add(message.eventId())) {
                    outgoing.add(message);
                } else {
                    duplicate(message);
                }
            }
        }
        sendNew(outgoing);
    }

    private void sendNew(List<Outgoing> outgoing) {
        if (outgoing.isEmpty()) {
            return;
        }
        Set<UUID> sentBefore = sentBefore(outgoing);
        List<Outgoing> unsent = new ArrayList<>(outgoing.size());
        for (Outgoing message : outgoing) {
            if (sentBefore.contains(message.eventId())) {
                duplicate(message);
            } else {
                unsent.add(message);
            }
        }
        for (int from = 0; from < unsent.size(); from += RealtimePublisher.MAX_BATCH) {
            send(unsent.subList(from, Math.min(from + RealtimePublisher.MAX_BATCH, unsent.size())));
        }
    }

    private void send(List<Outgoing> request) {
        try {
            publisher.publish(request.stream().map(Outgoing::notification).toList());
        } catch (RealtimeDeliveryFailed failed) {
            if (failed.isRetryable() || request.size() == 1) {
                throw new NotificationsPartlyDelivered(request.getFirst().position(), failed);
            }
            log.warn(
                    "The realtime service refused a request of {} messages ({}); sending them one by one",
                    request.size(),
                    failed.getMessage());
            request.forEach(message -> send(List.of(message)));
            return;
        }
        request.forEach(this::sent);
        remember(request);
    }

    private Set<UUID> sentBefore(List<Outgoing> outgoing) {
        try {
            return deliveryLog.delivered(
                    outgoing.stream().map(Outgoing::eventId).toList());
        } catch (DeliveryLogUnavailable unavailable) {
            deduplicationUnavailable("lookup", outgoing.size(), unavailable);
            return Set.of();
        }
    }

    private void remember(List<Outgoing> sent) {
        try {
            deliveryLog.record(sent.stream().map(Outgoing::eventId).toList());
        } catch (DeliveryLogUnavailable unavailable) {
            deduplicationUnavailable("record", sent.size(), unavailable);
        }
    }

    private void sent(Outgoing message) {
        Notification notification = message.notification();
        meters.counter("notifications.delivered", "event", notification.event()).increment();
        WithRequestId.log(
                message.requestId(),
                () -> log.info(
                        "Sent {} on {} for event {}",
                        notification.event(),
                        notification.channel(),
                        notification.eventId()));
    }

    private void duplicate(Outgoing message) {
        Notification notification = message.notification();
        log.debug("Event {} was delivered before; not sending it again", notification.eventId());
        meters.counter("notifications.duplicates", "event", notification.event())
                .increment();
    }

    private void deduplicationUnavailable(String operation, int messages, DeliveryLogUnavailable cause) {
        meters.counter("notifications.deduplication.unavailable", "operation", operation)
                .increment(messages);
        // The delivery log's adapter reports the outage once; per batch it is only worth a debug line.
        log.debug(
                "Delivery log unavailable ({}) for {} messages: sent without duplicate suppression: {}",
                operation,
                messages,
                cause.getMessage());
    }

    /** A message to send, the position of its event in the batch, and the request the event follows from. */
    private record Outgoing(int position, Notification notification, Optional<String> requestId) {

        UUID eventId() {
            return notification.eventId();
        }
    }
}
