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
 */
public final class CheckRateLimit {

    private final RequestLog log;
    private final Duration timeout;

    public CheckRateLimit(RequestLog log, Duration timeout) {
        this.log = log;
        this.timeout = timeout;
    }

    public CompletionStage<Decision> check(List<Limit> limits) {
        if (limits.isEmpty()) {
            throw new IllegalArgumentException("Nothing to check: no limit applies");
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

    private static Decision decide(List<Limit> limits, RequestLog.Outcome recorded, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException wrapped && wrapped.getCause() != null
                    ? wrapped.getCause()
                    : failure;
            throw new RateLimitUnavailable(cause);
        }
        return Decision.of(recorded.admitted(), limits, recorded.windows());
    }
}
