package dev.tokenx.realtime.broadcast.messaging;

import dev.tokenx.realtime.broadcast.application.ClusterRelay;
import dev.tokenx.realtime.broadcast.application.RelayUnavailable;
import dev.tokenx.realtime.channel.domain.ChannelEvent;
import java.util.List;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Publishes accepted events on the shared Redis topic. The publisher's request waits for Redis to take them:
 * the notification service sends one order's statuses one after another, and an answer given before Redis
 * has the event would let the next status overtake it on the other instances.
 *
 * <p>After a failure the relay pauses for {@code outage-cooldown}: during a Redis outage each request then
 * fails over to local-only delivery at once instead of waiting for a timeout.
 */
@Component
class RedisRelayPublisher implements ClusterRelay {

    private static final Logger log = LoggerFactory.getLogger(RedisRelayPublisher.class);

    private final RTopic topic;
    private final RelayCodec codec;
    private final RedisProperties properties;
    private volatile long pausedUntilNanos;
    private volatile boolean failing;

    RedisRelayPublisher(RedissonClient redisson, RelayCodec codec, RedisProperties properties) {
        this.topic = redisson.getTopic(properties.topic(), StringCodec.INSTANCE);
        this.codec = codec;
        this.properties = properties;
    }

    @Override
    public Mono<Void> publish(List<ChannelEvent> events) {
        if (failing && System.nanoTime() - pausedUntilNanos < 0) {
            return Mono.error(new RelayUnavailable("Redis relay paused after a failure", null));
        }
        String message = codec.encode(events);
        return Mono.fromCompletionStage(() -> topic.publishAsync(message))
                .timeout(properties.timeout())
                .doOnSuccess(receivers -> recovered())
                .onErrorMap(this::outage)
                .then();
    }

    private void recovered() {
        if (failing) {
            failing = false;
            log.info("Redis relay recovered: events reach the other instances again");
        }
    }

    private RelayUnavailable outage(Throwable cause) {
        pausedUntilNanos = System.nanoTime() + properties.outageCooldown().toNanos();
        if (!failing) {
            failing = true;
            log.warn(
                    "Redis relay failed ({}); events reach this instance's subscribers only, retrying in {}",
                    cause.toString(),
                    properties.outageCooldown());
        }
        return new RelayUnavailable("Redis relay failed", cause);
    }
}
