package dev.tokenx.gateway.ratelimit.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * A partition's window right after a request was checked against it.
 *
 * @param used requests counted in the window, this one included when it was admitted
 * @param resetAfter until the oldest counted request leaves the window (and one more request fits); zero when
 *     the window is empty
 * @param retryAfter until a request that does not fit now would fit; zero when one fits now
 */
public record WindowState(int used, Duration resetAfter, Duration retryAfter) {

    public WindowState {
        Objects.requireNonNull(resetAfter, "resetAfter");
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (used < 0 || resetAfter.isNegative() || retryAfter.isNegative()) {
            throw new IllegalArgumentException(
                    "Negative window state: " + used + ", " + resetAfter + ", " + retryAfter);
        }
    }
}
