package dev.tokenx.orders.account.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tokenx.orders.account.application.TraderCache;
import dev.tokenx.orders.account.domain.Trader;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Traders in this instance's memory (Caffeine: bounded, expiring {@code orders.kyc-cache.near-ttl} after they were
 * loaded) in front of Redis ({@link RedissonTraderCache}) and the accounts: an order whose trader this instance knows
 * makes no Redis call. Each instance drops a trader when its {@code KycStatusChanged} arrives (every instance reads
 * every such event).
 *
 * <p>Caffeine's asynchronous cache holds the load in flight, so concurrent orders of one trader share one Redis (or
 * database) read, and a trader forgotten while a load runs is not brought back by it: the load's result goes to the
 * lookups that were waiting for it, and is not kept.
 */
@Component
class NearTraderCache implements TraderCache {

    private final AsyncCache<UUID, Trader> near;
    private final RedissonTraderCache redis;

    NearTraderCache(RedissonTraderCache redis, KycCacheProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.near = CaffeineCacheMetrics.monitor(
                meters,
                Caffeine.newBuilder()
                        .maximumSize(properties.nearMaximumSize())
                        .expireAfterWrite(properties.nearTtl())
                        .recordStats()
                        .<UUID, Trader>buildAsync(),
                "orders.kyc.near");
    }

    @Override
    public Mono<Trader> find(UUID userId, Function<UUID, Mono<Trader>> load) {
        // suppressCancel: a caller that goes away must not cancel the load other lookups share.
        return Mono.fromFuture(
                () -> near.get(
                        userId, (id, executor) -> fromRedisOrLoad(id, load).toFuture()),
                true);
    }

    private Mono<Trader> fromRedisOrLoad(UUID userId, Function<UUID, Mono<Trader>> load) {
        return redis.find(userId).switchIfEmpty(Mono.defer(() -> loadAndRemember(userId, load)));
    }

    private Mono<Trader> loadAndRemember(UUID userId, Function<UUID, Mono<Trader>> load) {
        return load.apply(userId).flatMap(trader -> redis.remember(trader).thenReturn(trader));
    }

    /**
     * Dropped from memory before and after Redis: before, so that this instance stops answering with the old status
     * at once; after, because a lookup between the two could have read the old entry from Redis back into memory.
     */
    @Override
    public Mono<Void> forget(UUID userId) {
        return Mono.fromRunnable(() -> near.synchronous().invalidate(userId))
                .then(redis.forget(userId))
                .then(Mono.fromRunnable(() -> near.synchronous().invalidate(userId)));
    }
}
