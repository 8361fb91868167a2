package dev.tokenx.orders.account.application;

import dev.tokenx.orders.account.domain.Trader;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Looks up who is trading: from the cache when it has the answer, else from the accounts, then cached. */
@Service
public class Traders {

    private final TraderCache cache;
    private final TraderStore store;

    public Traders(TraderCache cache, TraderStore store) {
        this.cache = cache;
        this.store = store;
    }

    /** Never empty: a user without an account is an unregistered trader, who may not trade. */
    public Mono<Trader> trader(UUID userId) {
        return cache.find(userId).switchIfEmpty(Mono.defer(() -> loadAndRemember(userId)));
    }

    private Mono<Trader> loadAndRemember(UUID userId) {
        return store.find(userId)
                .flatMap(trader -> cache.remember(trader).thenReturn(trader))
                .defaultIfEmpty(Trader.unregistered(userId));
    }
}
