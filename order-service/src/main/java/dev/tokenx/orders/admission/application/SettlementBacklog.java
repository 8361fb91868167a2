package dev.tokenx.orders.admission.application;

import java.time.Instant;
import reactor.core.publisher.Mono;

/** The orders accepted but not yet handed to the chain, as admission sees them. */
public interface SettlementBacklog {

    /** When the oldest of them was accepted; empty when there is none. */
    Mono<Instant> oldestAwaitingSettlement();
}
