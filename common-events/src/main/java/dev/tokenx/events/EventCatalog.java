package dev.tokenx.events;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where each event goes and under which name. The switches are exhaustive over the sealed hierarchy, so a new
 * event cannot be added without deciding its topic, key and wire name.
 */
public final class EventCatalog {

    private static final Map<String, Class<? extends DomainEvent>> CLASSES_BY_TYPE = Stream.of(
                    OrderPlaced.class,
                    OrderStatusChanged.class,
                    SettlementSubmitted.class,
                    SettlementConfirming.class,
                    SettlementConfirmed.class,
                    SettlementFailed.class,
                    PortfolioChanged.class,
                    PriceUpdated.class,
                    KycStatusChanged.class,
                    SystemAnnouncement.class)
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventCatalog() {}

    /** The logical name written in the {@link EventHeaders#EVENT_TYPE} header. */
    public static String typeOf(DomainEvent event) {
        return switch (event) {
            case OrderPlaced ignored -> "OrderPlaced";
            case OrderStatusChanged ignored -> "OrderStatusChanged";
            case SettlementSubmitted ignored -> "SettlementSubmitted";
            case SettlementConfirming ignored -> "SettlementConfirming";
            case SettlementConfirmed ignored -> "SettlementConfirmed";
            case SettlementFailed ignored -> "SettlementFailed";
            case PortfolioChanged ignored -> "PortfolioChanged";
            case PriceUpdated ignored -> "PriceUpdated";
            case KycStatusChanged ignored -> "KycStatusChanged";
            case SystemAnnouncement ignored -> "SystemAnnouncement";
        };
    }

    public static String topicOf(DomainEvent event) {
        return switch (event) {
            case OrderEvent ignored -> Topics.ORDER_EVENTS;
            case SettlementEvent ignored -> Topics.SETTLEMENT_EVENTS;
            case PortfolioEvent ignored -> Topics.PORTFOLIO_EVENTS;
            case TokenEvent ignored -> Topics.TOKEN_EVENTS;
            case AccountEvent ignored -> Topics.ACCOUNT_EVENTS;
            case AnnouncementEvent ignored -> Topics.ANNOUNCEMENT_EVENTS;
        };
    }

    /** The record key: one aggregate's events share a partition, so they are consumed in order. */
    public static String keyOf(DomainEvent event) {
        return switch (event) {
            case OrderEvent e -> e.orderId().toString();
            case SettlementEvent e -> e.orderId().toString();
            case PortfolioEvent e -> e.userId().toString();
            case TokenEvent e -> e.tokenSymbol();
            case AccountEvent e -> e.userId().toString();
            case AnnouncementEvent e -> e.eventId().toString();
        };
    }

    public static Optional<Class<? extends DomainEvent>> classOf(String type) {
        return Optional.ofNullable(CLASSES_BY_TYPE.get(type));
    }
}
