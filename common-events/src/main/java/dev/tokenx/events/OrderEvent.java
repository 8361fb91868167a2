package dev.tokenx.events;

import java.util.UUID;

/** Facts about one order, published by the order service on {@link Topics#ORDER_EVENTS}, keyed by order id. */
public sealed interface OrderEvent extends DomainEvent permits OrderPlaced, OrderStatusChanged {

    UUID orderId();
}
