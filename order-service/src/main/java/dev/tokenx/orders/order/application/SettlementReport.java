package dev.tokenx.orders.order.application;

import dev.tokenx.events.SettlementEvent;
import java.util.Objects;
import java.util.Optional;

/**
 * One settlement event as it arrived, with the id of the request that placed the order (for the outbox and the log).
 */
public record SettlementReport(SettlementEvent event, Optional<String> requestId) {

    public SettlementReport {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(requestId, "requestId");
    }
}
