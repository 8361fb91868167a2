package dev.tokenx.orders.account.application;

import dev.tokenx.orders.account.domain.Trader;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * A short-lived copy of traders, to keep a database read off the order path. Implementations never fail: an
 * unavailable cache behaves as an empty one, because the cache only accelerates.
 */
public interface TraderCache {

    /** Empty on a miss and when the cache cannot answer. */
    Mono<Trader> find(UUID userId);

    /** Completes without error even when the cache cannot store. */
    Mono<Void> remember(Trader trader);
}
