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

    /** Never empty: a user without an account is an unregistered trader, who may not trade (and is not cached). */
    public Mono<Trader> trader(UUID userId) {
        return cache.find(userId, store::find).defaultIfEmpty(Trader.unregistered(userId));
    }

    /**
     * The trader's KYC status changed, here or in another instance: the next order reads the account again. (No code
     * path of this service changes a KYC status yet; the one that does calls this once its change has committed.)
     */
    public Mono<Void> kycStatusChanged(UUID userId) {
        return cache.forget(userId);
    }
}
