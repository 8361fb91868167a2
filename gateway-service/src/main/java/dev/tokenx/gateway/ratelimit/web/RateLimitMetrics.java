package dev.tokenx.gateway.ratelimit.web;

import dev.tokenx.gateway.ratelimit.domain.RoutePolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code gateway.rate_limit.requests}: every limited request by route, tier and outcome ({@code admitted},
 * {@code limited}, and while Redis is unreachable {@code fail_open}, {@code fail_closed}, {@code local_admitted} or
 * {@code local_limited}).
 * {@code gateway.rate_limit.check}: how long the check took, Redis round trip included: the limiter's cost.
 */
public final class RateLimitMetrics {

    public static final String REQUESTS = "gateway.rate_limit.requests";
    public static final String CHECK = "gateway.rate_limit.check";

    public enum Outcome {
        ADMITTED,
        LIMITED,
        FAIL_OPEN,
        FAIL_CLOSED,
        LOCAL_ADMITTED,
        LOCAL_LIMITED;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;

    /** Per request only a map lookup: building a meter's id (tags sorted, id hashed) each time costs more. */
    private final Map<RequestsKey, Counter> requests = new ConcurrentHashMap<>();

    private final Map<String, Timer> checks = new ConcurrentHashMap<>();

    public RateLimitMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(RoutePolicy policy, Outcome outcome, Duration took) {
        requests.computeIfAbsent(new RequestsKey(policy, outcome), this::requestsCounter)
                .increment();
        checks.computeIfAbsent(policy.route(), this::checkTimer).record(took);
    }

    private Counter requestsCounter(RequestsKey key) {
        return Counter.builder(REQUESTS)
                .description("Requests checked by the rate limiter, by outcome")
                .tag("route", key.policy().route())
                .tag("tier", key.policy().tier().label())
                .tag("outcome", key.outcome().tag())
                .register(registry);
    }

    private Timer checkTimer(String route) {
        return Timer.builder(CHECK)
                .description("Time spent deciding a request's rate limits")
                .tag("route", route)
                .register(registry);
    }

    private record RequestsKey(RoutePolicy policy, Outcome outcome) {}
}
