package dev.tokenx.orders.order.domain;

import java.util.UUID;

/** The order is still open, but the requested status does not follow its current one. */
public final class OrderTransitionNotAllowed extends OrderStateConflict {

    public OrderTransitionNotAllowed(UUID orderId, OrderStatus current, OrderStatus requested) {
        super("Order " + orderId + " cannot go from " + current + " to " + requested, orderId, current, requested);
    }
}
