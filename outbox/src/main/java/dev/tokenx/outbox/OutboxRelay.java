package dev.tokenx.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Publishes the outbox to Kafka. Each batch is one transaction: claim the oldest unpublished rows ({@code FOR UPDATE
 * SKIP LOCKED}, at most one per key), publish them and wait for the acknowledgements, mark the acknowledged rows
 * published, commit. Several relays (one per instance) share the work and never publish a row twice; a row whose
 * publication failed stays unpublished and is retried, with a capped exponential backoff while nothing gets
 * through. A crash between acknowledgement and commit publishes a row again (at least once); consumers deduplicate
 * by event id.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxStore store;
    private final KafkaOutboxPublisher publisher;
    private final TransactionalOperator transactions;
    private final OutboxProperties properties;
    private final Clock clock;
    private final RelayBackoff backoff;
    private final Counter published;
    private final Counter publishFailures;
    private final Counter batchFailures;
    private final AtomicLong lagMillis = new AtomicLong();

    private volatile boolean running;
    private volatile Sinks.Empty<Void> stopRequested = Sinks.empty();
    private volatile Disposable purging;
    private volatile Runnable onStopped = () -> {};

    OutboxRelay(
            OutboxStore store,
            KafkaOutboxPublisher publisher,
            TransactionalOperator transactions,
            OutboxProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.store = store;
        this.publisher = publisher;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.backoff = new RelayBackoff(properties.backoffInitial(), properties.backoffMax());
        this.published = Counter.builder("outbox.published")
                .description("Outbox rows published to Kafka and acknowledged")
                .register(meters);
        this.publishFailures = Counter.builder("outbox.publish.failures")
                .description("Outbox rows whose publication failed; they stay in the outbox and are retried")
                .register(meters);
        this.batchFailures = Counter.builder("outbox.batch.failures")
                .description("Relay batches that failed as a whole, e.g. when the database was unreachable")
                .register(meters);
        Gauge.builder("outbox.lag", lagMillis, millis -> millis.get() / 1000.0)
                .description("Age of the oldest row in the last claimed batch; 0 when the outbox was empty")
                .baseUnit("seconds")
                .register(meters);
    }

    /**
     * Relays one batch.
     *
     * @return what happened to it; fails only when the batch could not be claimed or settled
     */
    Mono<BatchOutcome> relayBatch() {
        return store.claim(properties.batchSize())
                .collectList()
                .flatMap(this::publishClaimed)
                .as(transactions::transactional);
    }

    private Mono<BatchOutcome> publishClaimed(List<OutboxRecord> claimed) {
        recordLag(claimed);
        if (claimed.isEmpty()) {
            return Mono.just(new BatchOutcome(0, 0, 0));
        }
        return publisher.publish(claimed).flatMap(deliveries -> settle(claimed, deliveries));
    }

    private Mono<BatchOutcome> settle(List<OutboxRecord> claimed, Deliveries deliveries) {
        String error = deliveries
                .firstFailure()
                .map(failure ->
                        NestedExceptionUtils.getMostSpecificCause(failure).toString())
                .orElse("");
        return store.markPublished(deliveries.acknowledged(), clock.instant())
                .then(store.recordFailure(deliveries.failed(), error))
                .then(Mono.fromSupplier(() -> new BatchOutcome(
                        claimed.size(),
                        deliveries.acknowledged().size(),
                        deliveries.failed().size())))
                .doOnSuccess(outcome -> count(outcome, error));
    }

    private void count(BatchOutcome outcome, String error) {
        published.increment(outcome.published());
        if (outcome.failed() > 0) {
            publishFailures.increment(outcome.failed());
            log.warn("Outbox: {} of {} rows not published, will retry: {}", outcome.failed(), outcome.claimed(), error);
        }
    }

    private void recordLag(List<OutboxRecord> claimed) {
        long lag = claimed.stream()
                .map(OutboxRecord::createdAt)
                .min(Comparator.naturalOrder())
                .map(oldest -> Duration.between(oldest, clock.instant()).toMillis())
                .orElse(0L);
        lagMillis.set(Math.max(0, lag));
    }

    @Override
    public boolean isAutoStartup() {
        return properties.relayEnabled();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        stopRequested = Sinks.empty();
        Mono.defer(this::relayOnce)
                .flatMap(this::pause)
                .repeat(() -> running)
                .doFinally(signal -> onStopped.run())
                .subscribe(
                        ignored -> {},
                        error -> log.error("Outbox relay stopped unexpectedly; restart the instance", error));
        purging = Flux.interval(properties.purgeInterval(), properties.purgeInterval())
                .concatMap(tick -> purgeSafely())
                .subscribe();
        log.info(
                "Outbox relay started: batches of {}, polling every {}",
                properties.batchSize(),
                properties.pollInterval());
    }

    /** Relays a batch and says how long to pause before the next one. */
    private Mono<Duration> relayOnce() {
        return relayBatch().map(this::pauseAfter).onErrorResume(error -> {
            batchFailures.increment();
            log.warn("Outbox batch failed, will retry: {}", error.toString());
            return Mono.fromSupplier(backoff::next);
        });
    }

    private Duration pauseAfter(BatchOutcome outcome) {
        if (outcome.published() == 0 && outcome.failed() > 0) {
            return backoff.next();
        }
        backoff.reset();
        return outcome.claimed() == properties.batchSize() ? Duration.ZERO : properties.pollInterval();
    }

    private Mono<Void> pause(Duration pause) {
        if (pause.isZero()) {
            return Mono.empty();
        }
        return Mono.firstWithSignal(Mono.delay(pause).then(), stopRequested.asMono());
    }

    private Mono<Long> purgeSafely() {
        Instant cutoff = clock.instant().minus(properties.retention());
        return store.purgePublishedBefore(cutoff, properties.purgeBatchSize())
                .expand(deleted -> deleted == properties.purgeBatchSize()
                        ? store.purgePublishedBefore(cutoff, properties.purgeBatchSize())
                        : Mono.empty())
                .reduce(0L, Long::sum)
                .doOnNext(total -> {
                    if (total > 0) {
                        log.info("Outbox: purged {} rows published before {}", total, cutoff);
                    }
                })
                .onErrorResume(error -> {
                    log.warn("Outbox purge failed, will retry at the next interval: {}", error.toString());
                    return Mono.empty();
                });
    }

    /** Lets the batch in flight finish, so that no acknowledged row is left unmarked by the shutdown. */
    @Override
    public synchronized void stop(Runnable callback) {
        if (!running) {
            callback.run();
            return;
        }
        onStopped = callback;
        running = false;
        stopRequested.tryEmitEmpty();
        purging.dispose();
    }

    @Override
    public void stop() {
        stop(() -> {});
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * @param claimed rows claimed by the batch
     * @param published rows acknowledged by Kafka and marked published
     * @param failed rows whose publication failed
     */
    record BatchOutcome(int claimed, int published, int failed) {}
}
