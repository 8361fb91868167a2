package dev.tokenx.gateway.ratelimit.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * One quota applied to one request: at most {@code limit} requests of the partition on the route within any
 * {@code window}.
 *
 * @param route the route id; each route counts on its own, so trading does not use up realtime auth
 */
public record Limit(String route, Partition partition, int limit, Duration window) {

    public Limit {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(window, "window");
        if (limit < 1) {
            throw new IllegalArgumentException("A limit allows at least one request, got " + limit);
        }
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("A window lasts at least a millisecond, got " + window);
        }
    }

    /** The same limit, lowered to a share of it (at least one request): what one of several instances enforces alone. */
    public Limit scaledBy(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("A share of a limit is in (0, 1], got " + fraction);
        }
        return new Limit(route, partition, Math.max(1, (int) Math.floor(limit * fraction)), window);
    }

    /** The policy's name in the {@code RateLimit-Policy} and {@code RateLimit} fields, such as {@code trading-user}. */
    public String policyName() {
        return route + "-" + partition.kind().label();
    }
}
