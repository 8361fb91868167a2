package dev.tokenx.orders.account.application;

import dev.tokenx.orders.account.domain.Trader;
import java.util.UUID;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * A short-lived copy of traders, to keep Redis and the database off the order path. It only accelerates: an
 * unavailable tier behaves as an empty one, and what it cannot answer it loads.
 */
public interface TraderCache {

    /**
     * The cached trader, else the one {@code load} finds (then cached); empty when {@code load} is. Concurrent
     * lookups of one trader share one load.
     */
    Mono<Trader> find(UUID userId, Function<UUID, Mono<Trader>> load);

    /** Drops the trader from every tier this instance reads, so that the next lookup loads it again. */
    Mono<Void> forget(UUID userId);
}
