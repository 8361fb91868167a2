package dev.tokenx.orders.order.application;

import dev.tokenx.events.OrderPlaced;
import dev.tokenx.events.OrderSide;
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
}
