package dev.tokenx.orders.order.application;

import dev.tokenx.orders.order.domain.Order;

/** An order found by its idempotency key, with the fingerprint of the request that created it. */
public record KeyedOrder(Order order, String requestFingerprint) {}
