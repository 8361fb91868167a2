package dev.tokenx.notifications.delivery.messaging;

import dev.tokenx.events.AnnouncementEvent;
import dev.tokenx.events.DomainEvent;
import dev.tokenx.events.OrderEvent;
import dev.tokenx.events.OrderPlaced;
import dev.tokenx.events.OrderStatusChanged;
import dev.tokenx.events.PortfolioChanged;
import dev.tokenx.events.PortfolioEvent;
import dev.tokenx.events.PriceUpdated;
import dev.tokenx.events.SystemAnnouncement;
import dev.tokenx.events.TokenEvent;
import dev.tokenx.events.Topics;
import dev.tokenx.kafka.consumer.ConsumedBatch;
import dev.tokenx.kafka.consumer.KafkaConsumers;
import dev.tokenx.notifications.delivery.application.DeliverNotifications;
import dev.tokenx.notifications.delivery.application.NotificationsPartlyDelivered;
import dev.tokenx.notifications.delivery.application.ReceivedEvent;
import dev.tokenx.notifications.delivery.domain.Notification;
import dev.tokenx.notifications.delivery.domain.Notifications;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Kafka in: each poll's events handed to {@link DeliverNotifications}, in the poll's order. One order's events share a
 * partition (keyed by order id), so its statuses are sent in the order they happened; a failed send is retried before
 * the rest of the partition (module {@code kafka-consumers}), which keeps that order. The switches are exhaustive over
 * each topic's sealed event family, so a new event type cannot arrive unnoticed.
 */
@Component
class DomainEventsListener {

    private final DeliverNotifications notifications;

    DomainEventsListener(DeliverNotifications notifications) {
        this.notifications = notifications;
    }

    @KafkaListener(
            id = "notifications-order-events",
            idIsGroup = false,
            topics = Topics.ORDER_EVENTS,
            containerFactory = KafkaConsumers.BATCH)
    void onOrderEvents(List<ConsumerRecord<String, DomainEvent>> records) {
        deliver(ConsumedBatch.of(records, OrderEvent.class), DomainEventsListener::notificationOf);
    }

    @KafkaListener(
            id = "notifications-portfolio-events",
            idIsGroup = false,
            topics = Topics.PORTFOLIO_EVENTS,
            containerFactory = KafkaConsumers.BATCH)
    void onPortfolioEvents(List<ConsumerRecord<String, DomainEvent>> records) {
        deliver(ConsumedBatch.of(records, PortfolioEvent.class), DomainEventsListener::notificationOf);
    }

    // Keyed by token symbol: one token's prices are sent in the order they were set.
    @KafkaListener(
            id = "notifications-token-events",
            idIsGroup = false,
            topics = Topics.TOKEN_EVENTS,
            containerFactory = KafkaConsumers.BATCH)
    void onTokenEvents(List<ConsumerRecord<String, DomainEvent>> records) {
        deliver(ConsumedBatch.of(records, TokenEvent.class), DomainEventsListener::notificationOf);
    }

    // Rare and unordered: one consumer is plenty.
    @KafkaListener(
            id = "notifications-announcement-events",
            idIsGroup = false,
            topics = Topics.ANNOUNCEMENT_EVENTS,
            containerFactory = KafkaConsumers.BATCH,
            concurrency = "1")
    void onAnnouncementEvents(List<ConsumerRecord<String, DomainEvent>> records) {
        deliver(ConsumedBatch.of(records, AnnouncementEvent.class), DomainEventsListener::notificationOf);
    }

    private static Optional<Notification> notificationOf(OrderEvent event) {
        return switch (event) {
            case OrderStatusChanged changed -> Optional.of(Notifications.of(changed));
            // The user hears of a placed order from its ACCEPTED status change, which follows it.
            case OrderPlaced placed -> Optional.empty();
        };
    }

    private static Optional<Notification> notificationOf(PortfolioEvent event) {
        return switch (event) {
            case PortfolioChanged changed -> Optional.of(Notifications.of(changed));
        };
    }

    private static Optional<Notification> notificationOf(AnnouncementEvent event) {
        return switch (event) {
            case SystemAnnouncement announced -> Optional.of(Notifications.of(announced));
        };
    }

    private static Optional<Notification> notificationOf(TokenEvent event) {
        return switch (event) {
            case PriceUpdated updated -> Optional.of(Notifications.of(updated));
        };
    }

    private <E> void deliver(ConsumedBatch<E> batch, Function<E, Optional<Notification>> notificationOf) {
        batch.process(
                () -> notifications.deliver(batch.map(DomainEventsListener::received), notificationOf),
                NotificationsPartlyDelivered.class,
                NotificationsPartlyDelivered::failedAt);
    }

    private static <E> ReceivedEvent<E> received(ConsumerRecord<String, E> record) {
        return new ReceivedEvent<>(record.value(), ConsumedBatch.requestId(record));
    }
}
