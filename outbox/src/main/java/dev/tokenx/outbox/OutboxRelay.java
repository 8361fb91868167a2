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
 * SKIP LOCKED}; of each key its oldest rows, up to {@code rows-per-key}), publish them in {@link Waves} and wait for
 * the acknowledgements, mark the acknowledged rows published in one statement, commit. Several relays (one per
 * instance) share the work and never publish a row twice nor a key's rows out of order; a row whose publication
 * failed stays unpublished and is retried, with a capped exponential backoff while nothing gets through. A crash
 * between acknowledgement and commit publishes a row again (at least once); consumers deduplicate by event id.
 *
 * <p>No polling while idle: after a batch that found nothing, the relay sleeps until this instance's {@link
 * OutboxWriter} reports committed rows ({@link OutboxAppends}), or for {@code idle-poll-interval} at most, for rows
 * other instances appended. An idle outbox costs one claim per idle poll instead of ten a second.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxStore store;
    private final KafkaOutboxPublisher publisher;
    private final OutboxAppends appends;
    private final TransactionalOperator transactions;
    private final OutboxProperties properties;
    private final Clock clock;
    private final RelayBackoff backoff;
    private final Counter claims;
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
            OutboxAppends appends,
            TransactionalOperator transactions,
            OutboxProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.store = store;
        this.publisher = publisher;
        this.appends = appends;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.backoff = new RelayBackoff(properties.backoffInitial(), properties.backoffMax());
        this.claims = Counter.builder("outbox.claims")
                .description("Claim queries the relay ran; flat while the outbox is idle")
                .register(meters);
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
        return Mono.defer(() -> {
                    claims.increment();
                    return store.claim(properties.batchSize(), properties.rowsPerKey())
                            .collectList();
                })
                .flatMap(this::publishClaimed)
                .as(transactions::transactional);
    }

    private Mono<BatchOutcome> publishClaimed(List<OutboxRecord> claimed) {
        recordLag(claimed);
        if (claimed.isEmpty()) {
            return Mono.just(new BatchOutcome(0, 0, 0));
        }
        return publishInWaves(claimed).flatMap(deliveries -> settle(claimed, deliveries));
    }

    private Mono<Deliveries> publishInWaves(List<OutboxRecord> claimed) {
        Waves waves = new Waves(claimed);
        return Flux.fromIterable(waves.all())
                .concatMap(wave -> publish(waves.sendable(wave)).doOnNext(waves::delivered))
                .reduce(Deliveries.NONE, Deliveries::plus);
    }

    private Mono<Deliveries> publish(List<OutboxRecord> records) {
        return records.isEmpty() ? Mono.just(Deliveries.NONE) : publisher.publish(records);
    }

    private Mono<BatchOutcome> settle(List<OutboxRecord> claimed, Deliveries deliveries) {
        String error = deliveries
                .firstFailure()
                .map(failure ->
                        NestedExceptionUtils.getMostSpecificCause(failure).toString())
                .orElse("");
        return store.markPublished(deliveries.acknowledgedIds(), clock.instant())
                .then(store.recordFailure(deliveries.failedIds(), error))
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
                .repeat(() -> running)
                .doFinally(signal -> onStopped.run())
                .subscribe(
                        ignored -> {},
                        error -> log.error("Outbox relay stopped unexpectedly; restart the instance", error));
        purging = Flux.interval(properties.purgeInterval(), properties.purgeInterval())
                .concatMap(tick -> purgeSafely())
                .subscribe();
        log.info(
                "Outbox relay started: batches of {}, pausing {} after a partial batch, idle polls every {}",
                properties.batchSize(),
                properties.pollInterval(),
                properties.idlePollInterval());
    }

    /** Relays a batch, then pauses as long as its outcome asks. */
    private Mono<Void> relayOnce() {
        // Armed before the claim: an append committed while the claim runs ends the idle sleep that may follow it.
        Mono<Void> appended = appends.next();
        return relayBatch()
                .map(outcome -> pauseAfter(outcome, appended))
                .onErrorResume(error -> {
                    batchFailures.increment();
                    log.warn("Outbox batch failed, will retry: {}", error.toString());
                    return Mono.just(sleep(backoff.next()));
                })
                .flatMap(pause -> pause);
    }

    private Mono<Void> pauseAfter(BatchOutcome outcome, Mono<Void> appended) {
        if (outcome.published() == 0 && outcome.failed() > 0) {
            return sleep(backoff.next());
        }
        backoff.reset();
        if (outcome.claimed() == properties.batchSize()) {
            return Mono.empty();
        }
        if (outcome.claimed() > 0) {
            // Rows held back behind this batch's (a key's later rows, rows locked by another relay) are claimable now.
            return sleep(properties.pollInterval());
        }
        return untilStopped(Mono.firstWithSignal(
                appended.then(Mono.delay(properties.pollInterval())).then(),
                Mono.delay(properties.idlePollInterval()).then()));
    }

    private Mono<Void> sleep(Duration pause) {
        return untilStopped(Mono.delay(pause).then());
    }

    private Mono<Void> untilStopped(Mono<Void> pause) {
        return Mono.firstWithSignal(pause, stopRequested.asMono());
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
     * @param failed rows whose publication failed; rows of their keys that came after them in the batch were not sent
     */
    record BatchOutcome(int claimed, int published, int failed) {}
}
