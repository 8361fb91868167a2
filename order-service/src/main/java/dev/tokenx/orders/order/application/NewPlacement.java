package dev.tokenx.orders.order.application;

import dev.tokenx.events.OrderEvent;
import dev.tokenx.orders.ledger.domain.FundsHold;
import dev.tokenx.orders.order.domain.Order;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an accepted order writes, at once: the order under its idempotency key, the hold of its total and the
 * events that announce it.
 *
 * @param requestFingerprint what the request asked for, to tell a repeated key from a reused one later
 * @param requestId the caller's request id, carried by the events
 */
public record NewPlacement(
        Order order,
        IdempotencyKey key,
        String requestFingerprint,
        FundsHold hold,
        List<OrderEvent> events,
        Optional<String> requestId) {

    public NewPlacement {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requestFingerprint, "requestFingerprint");
        Objects.requireNonNull(hold, "hold");
        events = List.copyOf(events);
        Objects.requireNonNull(requestId, "requestId");
    }

    /** What writing a placement did. */
    public enum Outcome {
        /** The order, its hold and its events were written. */
        WRITTEN,
        /** The user already has an order under this key; nothing was written. */
        KEY_TAKEN,
        /** The investor's available cash does not cover the hold; nothing was written. */
        FUNDS_SHORT,
        /** The token's price is no longer the one the order was decided on; nothing was written. */
        PRICE_CHANGED
    }
}
