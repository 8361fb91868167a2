package dev.tokenx.blockchain.settlement.tracking;

import dev.tokenx.blockchain.settlement.application.ConfirmationProperties;
import dev.tokenx.blockchain.settlement.application.TrackSettlements;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs {@link TrackSettlements} every {@code blockchain.confirmations.poll-interval} while the service runs. A tick
 * that fails (the chain is down) is logged and the next one waits longer, doubling up to 10 s, so an outage costs a
 * log line every few seconds rather than four a second.
 */
@Component
class ConfirmationTracker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConfirmationTracker.class);
    private static final Duration MAX_PAUSE_AFTER_FAILURE = Duration.ofSeconds(10);

    private final TrackSettlements tracking;
    private final ConfirmationProperties properties;
    private final Counter failures;

    private volatile boolean running;
    private volatile Sinks.Empty<Void> stopRequested = Sinks.empty();
    private volatile Runnable onStopped = () -> {};
    private Duration pauseAfterFailure;

    ConfirmationTracker(TrackSettlements tracking, ConfirmationProperties properties, MeterRegistry meters) {
        this.tracking = tracking;
        this.properties = properties;
        this.pauseAfterFailure = properties.pollInterval();
        this.failures = Counter.builder("blockchain.tracker.failures")
                .description("Tracker ticks that failed, e.g. while the chain was unreachable")
                .register(meters);
    }

    @Override
    public boolean isAutoStartup() {
        return properties.trackerEnabled();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        stopRequested = Sinks.empty();
        Mono.defer(this::tick)
                .flatMap(this::pause)
                .repeat(() -> running)
                .doFinally(signal -> onStopped.run())
                .subscribe(
                        ignored -> {},
                        error -> log.error("Confirmation tracker stopped unexpectedly; restart the instance", error));
        log.info(
                "Confirmation tracker started: every {}, {} confirmations",
                properties.pollInterval(),
                properties.required());
    }

    /** Runs one tick and says how long to wait before the next. */
    private Mono<Duration> tick() {
        return tracking.track().then(Mono.fromSupplier(this::afterSuccess)).onErrorResume(error -> {
            failures.increment();
            log.warn("Tracking settlements failed, will retry: {}", error.toString());
            return Mono.fromSupplier(this::afterFailure);
        });
    }

    private Duration afterSuccess() {
        pauseAfterFailure = properties.pollInterval();
        return properties.pollInterval();
    }

    private Duration afterFailure() {
        Duration pause = pauseAfterFailure;
        Duration doubled = pauseAfterFailure.multipliedBy(2);
        pauseAfterFailure = doubled.compareTo(MAX_PAUSE_AFTER_FAILURE) < 0 ? doubled : MAX_PAUSE_AFTER_FAILURE;
        return pause;
    }

    private Mono<Void> pause(Duration pause) {
        return Mono.firstWithSignal(Mono.delay(pause).then(), stopRequested.asMono());
    }

    /** Lets the tick in flight finish, so that no change it decided is cut off halfway. */
    @Override
    public synchronized void stop(Runnable callback) {
        if (!running) {
            callback.run();
            return;
        }
        onStopped = callback;
        running = false;
        stopRequested.tryEmitEmpty();
    }

    @Override
    public void stop() {
        stop(() -> {});
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
