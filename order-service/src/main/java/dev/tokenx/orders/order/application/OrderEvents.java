package dev.tokenx.orders.order.application;

import dev.tokenx.events.OrderPlaced;
import dev.tokenx.events.OrderSide;
import dev.tokenx.events.OrderStatusChanged;
import dev.tokenx.events.PortfolioChanged;
import dev.tokenx.orders.order.domain.Confirmations;
import dev.tokenx.orders.order.domain.Order;
import dev.tokenx.orders.shared.ids.TimeOrderedIds;

/** Translates what happened to orders into the published language of {@code common-events}. */
final class OrderEvents {

    private OrderEvents() {}

    static OrderPlaced placed(Order order) {
        return new OrderPlaced(
                TimeOrderedIds.next(),
                order.id(),
                order.userId(),
                order.walletAddress(),
                order.tokenSymbol(),
                OrderSide.valueOf(order.side().name()),
                order.quantity(),
                order.price().amount(),
                order.fees().platformFee().amount(),
                order.fees().gasFee().amount(),
                order.total().amount(),
                order.createdAt());
    }

    /** The order as it now stands, at the time of its last change. */
    static OrderStatusChanged statusChanged(Order order) {
        return new OrderStatusChanged(
                TimeOrderedIds.next(),
                order.id(),
                order.userId(),
                order.tokenSymbol(),
                order.status().name(),
                order.txHash().orElse(null),
                order.confirmations().map(Confirmations::count).orElse(null),
                order.confirmations().map(Confirmations::required).orElse(null),
                order.failureReason().orElse(null),
                order.updatedAt());
    }

    static PortfolioChanged portfolioChanged(Order completed, long newHolding) {
        return new PortfolioChanged(
                TimeOrderedIds.next(),
                completed.userId(),
                completed.id(),
                completed.tokenSymbol(),
                newHolding,
                completed.updatedAt());
    }
}
