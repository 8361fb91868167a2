package dev.tokenx.notifications.delivery.application;

import dev.tokenx.events.OrderStatusChanged;
import dev.tokenx.events.PortfolioChanged;
import dev.tokenx.events.SystemAnnouncement;
import dev.tokenx.notifications.delivery.domain.Notification;
import dev.tokenx.notifications.delivery.domain.Notifications;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Tells users what happened, once per event: a message whose event id is in the {@link DeliveryLog} is not sent again.
 * The id is recorded only after the realtime service accepted the message, so a failed send is retried rather than
 * forgotten.
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

    public void orderStatusChanged(OrderStatusChanged changed) {
        deliver(Notifications.of(changed));
    }

    public void portfolioChanged(PortfolioChanged changed) {
        deliver(Notifications.of(changed));
    }

    public void announced(SystemAnnouncement announced) {
        deliver(Notifications.of(announced));
    }

    private void deliver(Notification notification) {
        if (alreadyDelivered(notification)) {
            log.debug("Event {} was delivered before; not sending it again", notification.eventId());
            meters.counter("notifications.duplicates", "event", notification.event())
                    .increment();
            return;
        }
        publisher.publish(notification);
        log.info("Sent {} on {} for event {}", notification.event(), notification.channel(), notification.eventId());
        meters.counter("notifications.delivered", "event", notification.event()).increment();
        remember(notification);
    }

    private boolean alreadyDelivered(Notification notification) {
        try {
            return deliveryLog.contains(notification.eventId());
        } catch (DeliveryLogUnavailable unavailable) {
            deduplicationUnavailable("lookup", notification, unavailable);
            return false;
        }
    }

    private void remember(Notification notification) {
        try {
            deliveryLog.record(notification.eventId());
        } catch (DeliveryLogUnavailable unavailable) {
            deduplicationUnavailable("record", notification, unavailable);
        }
    }

    private void deduplicationUnavailable(String operation, Notification notification, DeliveryLogUnavailable cause) {
        meters.counter("notifications.deduplication.unavailable", "operation", operation)
                .increment();
        // The delivery log's adapter reports the outage once; per message it is only worth a debug line.
        log.debug(
                "Delivery log unavailable ({}) for event {}: sent without duplicate suppression: {}",
                operation,
                notification.eventId(),
                cause.getMessage());
    }
}
