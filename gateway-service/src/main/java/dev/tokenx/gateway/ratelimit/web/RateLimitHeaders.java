package dev.tokenx.gateway.ratelimit.web;

import dev.tokenx.gateway.ratelimit.domain.Decision;
import dev.tokenx.gateway.ratelimit.domain.Limit;
import dev.tokenx.gateway.ratelimit.domain.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;

/**
 * The rate-limit fields of an answer. {@code RateLimit-Policy} and {@code RateLimit} follow
 * draft-ietf-httpapi-ratelimit-headers (-10/-11): Structured Field lists with one member per policy, a String
 * naming it ({@code "trading-user"}, {@code "trading-ip"}), {@code q} the quota and {@code w} the window in
 * seconds; {@code r} the remaining quota and {@code t} the seconds until more quota is available. The widespread
 * {@code X-RateLimit-*} fields describe the binding policy (the one nearest to exhaustion), with
 * {@code X-RateLimit-Reset} as Unix epoch seconds, as GitHub and most APIs send it.
 */
final class RateLimitHeaders {

    static final String POLICY = "RateLimit-Policy";
    static final String RATE_LIMIT = "RateLimit";
    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";

    private RateLimitHeaders() {}

    /** Only the policies: all that can be said while the counters are unreachable. */
    static HttpHeaders policiesOf(List<Limit> limits) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(POLICY, policyField(limits));
        return headers;
    }

    static HttpHeaders of(Decision decision, Instant now) {
        List<Limit> limits = decision.usages().stream().map(Usage::limit).toList();
        HttpHeaders headers = policiesOf(limits);
        headers.set(
                RATE_LIMIT,
                decision.usages().stream().map(RateLimitHeaders::member).collect(Collectors.joining(", ")));
        Usage binding = decision.binding();
        headers.set(LIMIT, Integer.toString(binding.limit().limit()));
        headers.set(REMAINING, Integer.toString(binding.remaining()));
        headers.set(RESET, Long.toString(epochSecondRoundedUp(now.plus(untilMore(binding)))));
        if (!decision.admitted()) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, roundedUp(decision.retryAfter()))));
        }
        return headers;
    }

    private static String policyField(List<Limit> limits) {
        return limits.stream()
                .map(limit ->
                        "\"%s\";q=%d;w=%d".formatted(limit.policyName(), limit.limit(), roundedUp(limit.window())))
                .collect(Collectors.joining(", "));
    }

    private static String member(Usage usage) {
        return "\"%s\";r=%d;t=%d".formatted(usage.limit().policyName(), usage.remaining(), roundedUp(untilMore(usage)));
    }

    /** Quota comes back when the oldest counted request leaves the window, or later if more must leave first. */
    private static Duration untilMore(Usage usage) {
        Duration retry = usage.window().retryAfter();
        return retry.compareTo(usage.resetAfter()) > 0 ? retry : usage.resetAfter();
    }

    /** Whole seconds, never rounding a wait down: a client that waits this long finds room. */
    static long roundedUp(Duration duration) {
        return (duration.toMillis() + 999) / 1000;
    }

    private static long epochSecondRoundedUp(Instant instant) {
        return instant.getEpochSecond() + (instant.getNano() > 0 ? 1 : 0);
    }
}
