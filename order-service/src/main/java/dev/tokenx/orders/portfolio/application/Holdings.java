package dev.tokenx.orders.portfolio.application;

import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Whole tokens each investor owns, as settled on chain. Joins the caller's transaction. */
public interface Holdings {

    /**
     * Adds settled tokens to the investor's holding of the token, opening the holding if it is their first.
     *
     * @return the new holding
     */
    Mono<Long> credit(UUID userId, String tokenSymbol, long quantity, Instant at);
}
