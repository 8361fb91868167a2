package dev.tokenx.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential backoff with jitter: each pause is drawn between half and all of
 * {@code min(max, initial × 2^(failures − 1))}, so relays that failed together do not retry together.
 */
final class RelayBackoff {

    private final Duration initial;
    private final Duration max;
    private int consecutiveFailures;

    RelayBackoff(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("Backoff needs 0 < initial <= max: " + initial + ", " + max);
        }
        this.initial = initial;
        this.max = max;
    }

    /** The pause after one more failure in a row. */
    Duration next() {
        consecutiveFailures++;
        long ceilingMillis = ceiling().toMillis();
        long floorMillis = ceilingMillis / 2;
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(floorMillis, ceilingMillis + 1));
    }

    void reset() {
        consecutiveFailures = 0;
    }

    private Duration ceiling() {
        Duration ceiling = initial;
        for (int i = 1; i < consecutiveFailures && ceiling.compareTo(max) < 0; i++) {
            ceiling = ceiling.multipliedBy(2);
        }
        return ceiling.compareTo(max) < 0 ? ceiling : max;
    }
}
