package dev.tokenx.gateway.ratelimit.domain;

import java.time.Duration;

/** Where one limit stands after a request: what the {@code RateLimit} field reports for its policy. */
public record Usage(Limit limit, WindowState window) {

    public int remaining() {
        return Math.max(0, limit.limit() - window.used());
    }

    public Duration resetAfter() {
        return window.resetAfter();
    }
}
