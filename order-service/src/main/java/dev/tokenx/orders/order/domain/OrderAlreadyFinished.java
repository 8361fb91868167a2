package dev.tokenx.orders.order.domain;

import java.util.UUID;

/** The order is {@code COMPLETED} or {@code FAILED}; nothing moves it any more. */
public final class OrderAlreadyFinished extends OrderStateConflict {

    public OrderAlreadyFinished(UUID orderId, OrderStatus current, OrderStatus requested) {
        super(
                "Order " + orderId + " is already " + current + " and cannot become " + requested,
                orderId,
                current,
                requested);
    }
}
