package dev.tokenx.orders.order.application;

import dev.tokenx.orders.order.domain.Order;

/**
 * The answer to a placement.
 *
 * @param replayed true when the idempotency key had been used for this request before, and {@code order} is the
 *     one it created then
 */
public record Placement(Order order, boolean replayed) {

    static Placement accepted(Order order) {
        return new Placement(order, false);
    }

    static Placement replayed(Order order) {
        return new Placement(order, true);
    }
}
