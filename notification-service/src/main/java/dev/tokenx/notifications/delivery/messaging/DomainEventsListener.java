package dev.tokenx.notifications.delivery.messaging;

import dev.tokenx.events.AnnouncementEvent;
import dev.tokenx.events.OrderEvent;
import dev.tokenx.events.OrderPlaced;
import dev.tokenx.events.OrderStatusChanged;
import dev.tokenx.events.PortfolioChanged;
import dev.tokenx.events.PortfolioEvent;
import dev.tokenx.events.SystemAnnouncement;
import dev.tokenx.events.Topics;
import dev.tokenx.notifications.delivery.application.DeliverNotifications;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Kafka in: each event handed to {@link DeliverNotifications}. One order's events share a partition (keyed by order
 * id), so its statuses are sent in the order they happened; a failed send is retried before the next record of the
 * partition, which keeps that order (see {@link DeliveryErrorHandling}). The switches are exhaustive over each topic's
 * sealed event family, so a new event type cannot arrive unnoticed.
 */
@Component
class DomainEventsListener {

    private final DeliverNotifications notifications;

    DomainEventsListener(DeliverNotifications notifications) {
        this.notifications = notifications;
    }

    @KafkaListener(id = "notifications-order-events", idIsGroup = false, topics = Topics.ORDER_EVENTS)
    void onOrderEvent(OrderEvent event) {
        switch (event) {
            case OrderStatusChanged changed -> notifications.orderStatusChanged(changed);
            // The user hears of a placed order from its ACCEPTED status change, which follows it.
            case OrderPlaced placed -> {}
        }
    }

    @KafkaListener(id = "notifications-portfolio-events", idIsGroup = false, topics = Topics.PORTFOLIO_EVENTS)
    void onPortfolioEvent(PortfolioEvent event) {
        switch (event) {
            case PortfolioChanged changed -> notifications.portfolioChanged(changed);
        }
    }

    // Rare and unordered: one consumer is plenty.
    @KafkaListener(
            id = "notifications-announcement-events",
            idIsGroup = false,
            topics = Topics.ANNOUNCEMENT_EVENTS,
            concurrency = "1")
    void onAnnouncementEvent(AnnouncementEvent event) {
        switch (event) {
            case SystemAnnouncement announced -> notifications.announced(announced);
        }
    }
}
