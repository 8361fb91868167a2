package dev.tokenx.orders.account.cache;

import dev.tokenx.orders.account.domain.KycStatus;
import dev.tokenx.orders.account.domain.Trader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.api.RBucketReactive;
import org.redisson.api.RedissonClient;
import org.redisson.api.RedissonReactiveClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Traders in Redis as JSON strings with a TTL: the tier behind {@link NearTraderCache}, shared by the instances. Any
 * failure, slow answer or unreadable value counts as a miss; after a failure the cache is bypassed for a cool-down
 * period, so an outage costs one timeout, not one per order.
 *
 * <p>Redis is not the source of truth, so what it returns is validated as if it came from outside: an entry must
 * name the user of its key, a known KYC status and a well-formed wallet address ({@link Trader}'s rules), or it is a
 * miss, the account is read from PostgreSQL and the entry overwritten.
 */
@Component
class RedissonTraderCache {

    private static final Logger log = LoggerFactory.getLogger(RedissonTraderCache.class);
    private static final String KEY_PREFIX = "orders:kyc:";
    private static final long NOT_BYPASSED = 0L;

    private final RedissonReactiveClient redis;
    private final JsonMapper json;
    private final KycCacheProperties properties;
    private final AtomicLong bypassedUntilNanos = new AtomicLong(NOT_BYPASSED);
    private final Counter hits;
    private final Counter misses;
    private final Counter unavailable;
    private final Counter invalid;

    RedissonTraderCache(RedissonClient redisson, JsonMapper json, KycCacheProperties properties, MeterRegistry meters) {
        this.redis = redisson.reactive();
        this.json = json;
        this.properties = properties;
        this.hits = lookups(meters, "hit");
        this.misses = lookups(meters, "miss");
        this.unavailable = lookups(meters, "unavailable");
        this.invalid = lookups(meters, "invalid");
    }

    private static Counter lookups(MeterRegistry meters, String result) {
        return Counter.builder("orders.kyc.cache.lookups")
                .description("KYC cache lookups by result")
                .tag("result", result)
                .register(meters);
    }

    /** Empty on a miss and when Redis cannot answer. */
    Mono<Trader> find(UUID userId) {
        if (bypassed()) {
            unavailable.increment();
            return Mono.empty();
        }
        return bucket(userId)
                .get()
                .timeout(properties.timeout())
                .flatMap(value -> decode(userId, value))
                .doOnNext(trader -> hits.increment())
                .switchIfEmpty(Mono.fromRunnable(misses::increment))
                .onErrorResume(this::unavailable);
    }

    /** Completes without error even when Redis cannot store. */
    Mono<Void> remember(Trader trader) {
        if (bypassed()) {
            return Mono.empty();
        }
        return bucket(trader.userId())
                .set(encode(trader), properties.ttl())
                .timeout(properties.timeout())
                .onErrorResume(this::unavailable);
    }

    /**
     * Deletes the trader's entry, even while the cache is bypassed after a failure: a change must not be missed for
     * the cool-down's sake. Completes without error when Redis cannot delete; the entry then lives out its TTL.
     */
    Mono<Void> forget(UUID userId) {
        return bucket(userId).delete().timeout(properties.timeout()).then().onErrorResume(this::unavailable);
    }

    private RBucketReactive<String> bucket(UUID userId) {
        return redis.getBucket(KEY_PREFIX + userId, StringCodec.INSTANCE);
    }

    private String encode(Trader trader) {
        return json.writeValueAsString(new CachedTrader(
                trader.userId().toString(),
                trader.kycStatus().name(),
                trader.walletAddress().orElse(null)));
    }

    private Mono<Trader> decode(UUID userId, String value) {
        try {
            CachedTrader cached = json.readValue(value, CachedTrader.class);
            if (!userId.toString().equals(cached.userId())) {
                return unreadable(userId, "the entry names another user: " + cached.userId());
            }
            if (cached.kycStatus() == null) {
                return unreadable(userId, "no KYC status");
            }
            return Mono.just(new Trader(
                    userId, KycStatus.valueOf(cached.kycStatus()), Optional.ofNullable(cached.walletAddress())));
        } catch (JacksonException | IllegalArgumentException unreadable) {
            return unreadable(userId, unreadable.toString());
        }
    }

    /**
     * Written by an older or newer version of this service, by hand, or by someone with write access to Redis: read
     * the account again and overwrite the entry. Counted, so that a tampering shows on a dashboard.
     */
    private Mono<Trader> unreadable(UUID userId, String why) {
        invalid.increment();
        log.debug("Ignoring invalid KYC cache entry for {}: {}", userId, why);
        return Mono.empty();
    }

    private <T> Mono<T> unavailable(Throwable error) {
        unavailable.increment();
        long until = System.nanoTime() + properties.outageCooldown().toNanos();
        long previous = bypassedUntilNanos.getAndSet(until);
        if (previous == NOT_BYPASSED || System.nanoTime() - previous > 0) {
            log.warn(
                    "KYC cache unavailable, reading accounts from PostgreSQL for the next {}: {}",
                    properties.outageCooldown(),
                    error.toString());
        }
        return Mono.empty();
    }

    private boolean bypassed() {
        long until = bypassedUntilNanos.get();
        return until != NOT_BYPASSED && System.nanoTime() - until < 0;
    }
}
