package dev.tokenx.orders.order.domain;

import java.util.UUID;

/** A status change the order's lifecycle does not allow. */
public abstract sealed class OrderStateConflict extends RuntimeException
        permits OrderAlreadyFinished, OrderTransitionNotAllowed {

    private final UUID orderId;
    private final OrderStatus current;
    private final OrderStatus requested;

    protected OrderStateConflict(String message, UUID orderId, OrderStatus current, OrderStatus requested) {
        super(message);
        this.orderId = orderId;
        this.current = current;
        this.requested = requested;
    }

    public UUID orderId() {
        return orderId;
    }

    public OrderStatus current() {
        return current;
    }

    public OrderStatus requested() {
        return requested;
    }
}
