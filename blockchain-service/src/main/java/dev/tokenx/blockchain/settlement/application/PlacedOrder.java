package dev.tokenx.blockchain.settlement.application;

import dev.tokenx.events.OrderPlaced;
import java.util.Objects;
import java.util.Optional;

/**
 * A placed order to settle, with the request that placed it (carried into its settlement's events).
 *
 * @param requestId the placing request's id, when the record carried one
 */
public record PlacedOrder(OrderPlaced order, Optional<String> requestId) {

    public PlacedOrder {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(requestId, "requestId");
    }
}
