package dev.tokenx.gateway.ratelimit.web;

import dev.tokenx.gateway.ratelimit.domain.RoutePolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code gateway.rate_limit.requests}: every limited request by route, tier and outcome ({@code admitted},
 * {@code limited}, and while Redis is unreachable {@code fail_open} or {@code fail_closed}).
 * {@code gateway.rate_limit.check}: how long the check took, Redis round trip included: the limiter's cost.
 */
public final class RateLimitMetrics {

    public static final String REQUESTS = "gateway.rate_limit.requests";
    public static final String CHECK = "gateway.rate_limit.check";

    public enum Outcome {
        ADMITTED,
        LIMITED,
        FAIL_OPEN,
        FAIL_CLOSED;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;

    public RateLimitMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(RoutePolicy policy, Outcome outcome, Duration took) {
        Counter.builder(REQUESTS)
                .description("Requests checked by the rate limiter, by outcome")
                .tag("route", policy.route())
                .tag("tier", policy.tier().label())
                .tag("outcome", outcome.tag())
                .register(registry)
                .increment();
        Timer.builder(CHECK)
                .description("Time spent deciding a request's rate limits")
                .tag("route", policy.route())
                .register(registry)
                .record(took);
    }
}
