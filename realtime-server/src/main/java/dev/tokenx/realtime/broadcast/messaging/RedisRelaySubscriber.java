package dev.tokenx.realtime.broadcast.messaging;

import dev.tokenx.realtime.broadcast.application.Broadcaster;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Delivers the events other instances accepted to this instance's subscribers. The subscription is made
 * once; Redisson renews it by itself after a reconnect. While Redis cannot be reached at startup it is
 * retried every {@code resubscribe-interval}, and the server serves its own connections meanwhile.
 */
@Component
class RedisRelaySubscriber implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RedisRelaySubscriber.class);

    private final RTopic topic;
    private final RelayCodec codec;
    private final Broadcaster broadcaster;
    private final RedisProperties properties;
    private final Counter received;
    private final MeterRegistry meters;
    private Disposable subscribing;
    private final AtomicInteger failedAttempts = new AtomicInteger();
    private volatile Integer listenerId;

    RedisRelaySubscriber(
            RedissonClient redisson,
            RelayCodec codec,
            Broadcaster broadcaster,
            RedisProperties properties,
            MeterRegistry meters) {
        this.topic = redisson.getTopic(properties.topic(), StringCodec.INSTANCE);
        this.codec = codec;
        this.broadcaster = broadcaster;
        this.properties = properties;
        this.received = Counter.builder("realtime.fanout.received")
                .description("Event batches received from other instances")
                .register(meters);
        this.meters = meters;
    }

    @Override
    public synchronized void start() {
        subscribing = Mono.defer(() -> Mono.fromCompletionStage(topic.addListenerAsync(String.class, this::onMessage)))
                .doOnError(this::subscribeFailed)
                .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, properties.resubscribeInterval()))
                .subscribe(this::subscribed);
    }

    @Override
    public synchronized void stop() {
        subscribing.dispose();
        subscribing = null;
        Integer id = listenerId;
        if (id != null) {
            // Not awaited: during a Redis outage it would only delay the shutdown.
            topic.removeListenerAsync(id);
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return subscribing != null;
    }

    private void subscribed(Integer id) {
        listenerId = id;
        failedAttempts.set(0);
        log.info("Receiving other instances' events from Redis topic {}", properties.topic());
    }

    /** Said once at WARN; the retries of a long outage would otherwise fill the log. */
    private void subscribeFailed(Throwable failure) {
        if (failedAttempts.getAndIncrement() == 0) {
            log.warn(
                    "Cannot subscribe to Redis topic {} ({}); serving this instance's connections only, retrying every {}",
                    properties.topic(),
                    failure.toString(),
                    properties.resubscribeInterval());
        } else {
            log.debug("Still cannot subscribe to Redis topic {}: {}", properties.topic(), failure.toString());
        }
    }

    private Counter rejected(String reason) {
        return Counter.builder("realtime.fanout.rejected")
                .description("Relayed messages refused: unreadable, of an unknown app, or not signed by their app")
                .tag("reason", reason)
                .register(meters);
    }

    private void onMessage(CharSequence channel, String message) {
        try {
            codec.decodeForeign(message).ifPresent(events -> {
                received.increment();
                broadcaster.deliverLocally(events);
            });
        } catch (RelayMessageRejected e) {
            // Someone who is not an instance of this deployment publishes on the topic, or an instance runs with
            // another app secret: either way an operator must hear of it, and nothing of it is delivered.
            rejected(e.reason()).increment();
            log.warn("Refusing a relayed message: {}", e.getMessage());
        } catch (RuntimeException e) {
            // One unreadable message must not stop the listener; nothing can be delivered from it anyway.
            log.warn("Ignoring an unreadable relayed message: {}", e.toString());
        }
    }
}
