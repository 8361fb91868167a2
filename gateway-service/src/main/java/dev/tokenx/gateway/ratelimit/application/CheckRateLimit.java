package dev.tokenx.gateway.ratelimit.application;

import dev.tokenx.gateway.ratelimit.domain.Decision;
import dev.tokenx.gateway.ratelimit.domain.Limit;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Counts one request against its limits. Bounded in time: a request never waits longer than {@code timeout} for
 * the counters, whatever state Redis is in; past it, or on any failure, it fails with {@link RateLimitUnavailable}.
 *
 * <p>After a failure the log is not asked again for {@code outageCooldown}: during an outage every request would
 * otherwise wait out the timeout (or Redisson's reconnect) before its route's outage mode applies, which under load
 * piles up requests holding connections at the edge. The first request after the cool-down probes Redis again, so
 * counting resumes within a cool-down of Redis coming back. While Redis answers this costs one volatile read.
 */
public final class CheckRateLimit {

    private static final long NOT_COOLING_DOWN = 0L;

    private final RequestLog log;
    private final Duration timeout;
    private final long outageCooldownNanos;
    private volatile long coolingDownUntilNanos = NOT_COOLING_DOWN;

    public CheckRateLimit(RequestLog log, Duration timeout, Duration outageCooldown) {
        this.log = log;
        this.timeout = timeout;
        this.outageCooldownNanos = outageCooldown.toNanos();
    }

    public CompletionStage<Decision> check(List<Limit> limits) {
        if (limits.isEmpty()) {
            throw new IllegalArgumentException("Nothing to check: no limit applies");
        }
        if (coolingDown()) {
            return CompletableFuture.failedFuture(
                    new RateLimitUnavailable(new IllegalStateException("Redis failed within the last "
                            + Duration.ofNanos(outageCooldownNanos) + "; not asked again until the cool-down ends")));
        }
        CompletableFuture<RequestLog.Outcome> outcome;
        try {
            outcome = log.record(limits).toCompletableFuture().copy();
        } catch (RuntimeException failedToSend) {
            outcome = CompletableFuture.failedFuture(failedToSend);
        }
        return outcome.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((recorded, failure) -> decide(limits, recorded, failure));
    }

    private boolean coolingDown() {
        long until = coolingDownUntilNanos;
        return until != NOT_COOLING_DOWN && System.nanoTime() - until < 0;
    }

    private Decision decide(List<Limit> limits, RequestLog.Outcome recorded, Throwable failure) {
        if (failure != null) {
            coolingDownUntilNanos = System.nanoTime() + outageCooldownNanos;
            Throwable cause = failure instanceof CompletionException wrapped && wrapped.getCause() != null
                    ? wrapped.getCause()
                    : failure;
            throw new RateLimitUnavailable(cause);
        }
        return Decision.of(recorded.admitted(), limits, recorded.windows());
    }
}
