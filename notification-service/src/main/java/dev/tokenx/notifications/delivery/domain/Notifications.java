package dev.tokenx.notifications.delivery.domain;

import dev.tokenx.events.OrderStatusChanged;
import dev.tokenx.events.PortfolioChanged;
import dev.tokenx.events.PriceUpdated;
import dev.tokenx.events.SystemAnnouncement;
import dev.tokenx.notifications.channel.domain.Channels;

/**
 * What the user is told about each event, and on which channel: order steps and holdings on the user's private
 * channel, announcements and prices on public ones.
 */
public final class Notifications {

    /** The Pusher event names clients bind to (ARCHITECTURE.md, "Realtime channels"). */
    public static final String ORDER_STATUS = "order-status";

    public static final String PORTFOLIO_UPDATED = "portfolio-updated";
    public static final String ANNOUNCEMENT = "announcement";
    public static final String PRICE_UPDATE = "price-update";

    private Notifications() {}

    public static Notification of(OrderStatusChanged changed) {
        require(changed.eventId() != null, "OrderStatusChanged without an eventId");
        require(changed.userId() != null, "OrderStatusChanged " + changed.eventId() + " has no userId");
        require(changed.orderId() != null, "OrderStatusChanged " + changed.eventId() + " has no orderId");
        require(changed.status() != null, "OrderStatusChanged " + changed.eventId() + " has no status");
        OrderStatusUpdate update = new OrderStatusUpdate(
                changed.orderId(),
                changed.status(),
                changed.tokenSymbol(),
                changed.txHash(),
                changed.confirmations(),
                changed.requiredConfirmations(),
                changed.reason(),
                OrderStatusMessages.describe(
                        changed.status(), changed.confirmations(), changed.requiredConfirmations(), changed.reason()),
                changed.occurredAt());
        return new Notification(changed.eventId(), Channels.ofUser(changed.userId()), ORDER_STATUS, update);
    }

    public static Notification of(PortfolioChanged changed) {
        require(changed.eventId() != null, "PortfolioChanged without an eventId");
        require(changed.userId() != null, "PortfolioChanged " + changed.eventId() + " has no userId");
        require(changed.tokenSymbol() != null, "PortfolioChanged " + changed.eventId() + " has no tokenSymbol");
        PortfolioUpdate update = new PortfolioUpdate(
                changed.tokenSymbol(),
                changed.quantity(),
                changed.orderId(),
                "You now hold " + changed.quantity() + " " + changed.tokenSymbol(),
                changed.occurredAt());
        return new Notification(changed.eventId(), Channels.ofUser(changed.userId()), PORTFOLIO_UPDATED, update);
    }

    public static Notification of(SystemAnnouncement announced) {
        require(announced.eventId() != null, "SystemAnnouncement without an eventId");
        require(
                announced.message() != null && !announced.message().isBlank(),
                "SystemAnnouncement " + announced.eventId() + " has no message");
        Announcement announcement =
                new Announcement(announced.title(), announced.message(), announced.severity(), announced.occurredAt());
        return new Notification(announced.eventId(), Channels.SYSTEM, ANNOUNCEMENT, announcement);
    }

    public static Notification of(PriceUpdated updated) {
        require(updated.eventId() != null, "PriceUpdated without an eventId");
        require(
                updated.tokenSymbol() != null && !updated.tokenSymbol().isBlank(),
                "PriceUpdated " + updated.eventId() + " has no tokenSymbol");
        require(
                updated.price() != null && updated.price().signum() > 0,
                "PriceUpdated " + updated.eventId() + " has no positive price");
        require(
                updated.previousPrice() == null || updated.previousPrice().signum() >= 0,
                "PriceUpdated " + updated.eventId() + " has a negative previousPrice");
        PriceUpdate update = PriceUpdate.between(
                updated.tokenSymbol(), updated.previousPrice(), updated.price(), updated.occurredAt());
        return new Notification(updated.eventId(), Channels.PRICES, PRICE_UPDATE, update);
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new UndeliverableEvent(problem);
        }
    }
}
