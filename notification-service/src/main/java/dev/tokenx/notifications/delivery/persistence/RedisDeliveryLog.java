package dev.tokenx.notifications.delivery.persistence;

import dev.tokenx.notifications.delivery.application.DeliveryLog;
import dev.tokenx.notifications.delivery.application.DeliveryLogUnavailable;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One Redis key per sent event, {@code notifications:delivered:<event id>}, holding the time it was sent and expiring
 * after {@code notifications.deduplication.ttl}: readable with redis-cli, gone without any clean-up job. A batch costs
 * one round trip to look up and one to record, whatever its size.
 *
 * <p>When Redis fails to answer, it is not asked again for {@code outage-cooldown}: every call in that window fails
 * at once, so that an unreachable Redis delays one message by its timeout rather than every message.
 */
@Component
class RedisDeliveryLog implements DeliveryLog {

    private static final Logger log = LoggerFactory.getLogger(RedisDeliveryLog.class);
    private static final String KEY_PREFIX = "notifications:delivered:";

    private final RedissonClient redisson;
    private final DeduplicationProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Instant> unavailableUntil = new AtomicReference<>(Instant.MIN);

    RedisDeliveryLog(RedissonClient redisson, DeduplicationProperties properties) {
        this.redisson = redisson;
        this.properties = properties;
    }

    /** One {@code MGET}. */
    @Override
    public Set<UUID> delivered(Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        Map<String, Object> found = call(() -> redisson.getBuckets().get(keys(eventIds)));
        return eventIds.stream()
                .filter(eventId -> found.containsKey(KEY_PREFIX + eventId))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** One pipelined batch of {@code SET ... PX}. */
    @Override
    public void record(Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        String sentAt = clock.instant().toString();
        call(() -> {
            RBatch batch = redisson.createBatch();
            eventIds.forEach(eventId -> batch.getBucket(KEY_PREFIX + eventId).setAsync(sentAt, properties.ttl()));
            return batch.execute();
        });
    }

    private <T> T call(Supplier<T> command) {
        Instant until = unavailableUntil.get();
        if (clock.instant().isBefore(until)) {
            throw new DeliveryLogUnavailable("Redis did not answer moments ago; not asked again before " + until, null);
        }
        try {
            return command.get();
        } catch (RedisException e) {
            Instant retryAt = clock.instant().plus(properties.outageCooldown());
            unavailableUntil.set(retryAt);
            log.warn(
                    "Redis did not answer; sending without duplicate suppression until {}: {}",
                    retryAt,
                    e.getMessage());
            throw new DeliveryLogUnavailable("Redis did not answer: " + e.getMessage(), e);
        }
    }

    private static String[] keys(Collection<UUID> eventIds) {
        return eventIds.stream().map(eventId -> KEY_PREFIX + eventId).toArray(String[]::new);
    }
}
