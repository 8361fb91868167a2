package dev.tokenx.orders.admission.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Decides, before any work is done, whether a placement is taken: at most {@code maxInFlight} at once on this
 * instance, and none while settlement is behind by more than {@code maxSettlementDelay}. A refusal costs a counter
 * increment and a 503; without it, an overloaded platform accepts orders whose callers have given up and whose
 * settlement comes minutes later.
 *
 * <p>The settlement delay is read in the background (the age of the oldest order still waiting for its transaction),
 * so a placement never waits for it. A failed read keeps admitting: the database being away is the placement's own
 * error to report.
 */
@Service
public class PlacementAdmission implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PlacementAdmission.class);

    private final SettlementBacklog backlog;
    private final AdmissionProperties properties;
    private final Clock clock;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter shedInFlight;
    private final Counter shedSettlementBehind;

    private volatile Duration settlementDelay = Duration.ZERO;
    private volatile Disposable polling;

    public PlacementAdmission(
            SettlementBacklog backlog, AdmissionProperties properties, Clock clock, MeterRegistry meters) {
        this.backlog = backlog;
        this.properties = properties;
        this.clock = clock;
        this.shedInFlight = shedCounter(meters, "in_flight");
        this.shedSettlementBehind = shedCounter(meters, "settlement_behind");
        Gauge.builder("orders.settlement.delay", () -> settlementDelay.toMillis() / 1000.0)
                .description("Age of the oldest accepted order still waiting for its settlement transaction")
                .baseUnit("seconds")
                .register(meters);
    }

    /**
     * @return the admission, to be released when the placement has answered
     * @throws Overloaded when the placement is refused
     */
    public Admitted admit() {
        if (properties.checksSettlementDelay() && settlementDelay.compareTo(properties.maxSettlementDelay()) > 0) {
            shedSettlementBehind.increment();
            throw Overloaded.settlementBehind(settlementDelay, properties.retryAfter());
        }
        if (inFlight.incrementAndGet() > properties.maxInFlight()) {
            inFlight.decrementAndGet();
            shedInFlight.increment();
            throw Overloaded.tooManyInFlight(properties.retryAfter());
        }
        return new Admitted(inFlight);
    }

    /** Reads the settlement delay once; the lifecycle does it every {@code backlogPollInterval}. */
    Mono<Duration> refreshSettlementDelay() {
        return backlog.oldestAwaitingSettlement()
                .map(oldest -> Duration.between(oldest, clock.instant()))
                .map(delay -> delay.isNegative() ? Duration.ZERO : delay)
                .defaultIfEmpty(Duration.ZERO)
                .doOnNext(delay -> settlementDelay = delay);
    }

    @Override
    public boolean isAutoStartup() {
        return properties.checksSettlementDelay();
    }

    @Override
    public synchronized void start() {
        if (polling == null) {
            polling = Flux.interval(properties.backlogPollInterval())
                    .onBackpressureDrop()
                    .concatMap(tick -> refreshSettlementDelay().onErrorResume(this::keepAdmitting))
                    .subscribe();
        }
    }

    private Mono<Duration> keepAdmitting(Throwable error) {
        log.debug("Settlement delay not read, admitting on the last value: {}", error.toString());
        return Mono.empty();
    }

    @Override
    public synchronized void stop() {
        if (polling != null) {
            polling.dispose();
            polling = null;
        }
    }

    @Override
    public boolean isRunning() {
        return polling != null;
    }

    private static Counter shedCounter(MeterRegistry meters, String reason) {
        return Counter.builder("orders.admission.shed")
                .description("Placements refused with 503 before any work, by reason")
                .tag("reason", reason)
                .register(meters);
    }

    /** One admitted placement; releasing it twice releases it once. */
    public static final class Admitted {

        private final AtomicInteger inFlight;
        private final AtomicBoolean released = new AtomicBoolean();

        private Admitted(AtomicInteger inFlight) {
            this.inFlight = inFlight;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                inFlight.decrementAndGet();
            }
        }
    }
}
