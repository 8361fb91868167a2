package dev.tokenx.orders.order.application;

import java.util.UUID;
import reactor.core.publisher.Mono;

/** The consumed events already applied, recorded in the transaction that applies each. */
public interface ProcessedEvents {

    /**
     * Records the event as processed unless it was. When another transaction is recording the same event, waits for
     * it to finish.
     *
     * @return false when the event had been processed, in which case nothing was written
     */
    Mono<Boolean> markProcessed(UUID eventId, String eventType);
}
