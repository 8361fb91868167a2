package dev.tokenx.gateway.ratelimit.domain;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The outcome of one request against all its limits, which are checked and recorded together: admitted means
 * counted in every partition, refused means counted in none.
 *
 * @param usages one per limit, in the order the limits were given
 */
public record Decision(boolean admitted, List<Usage> usages) {

    /** The nearest to exhaustion first: fewest remaining, then the longest until it recovers. */
    private static final Comparator<Usage> MOST_CONSTRAINING =
            Comparator.comparingInt(Usage::remaining).thenComparing(Usage::resetAfter, Comparator.reverseOrder());

    public Decision {
        usages = List.copyOf(usages);
        if (usages.isEmpty()) {
            throw new IllegalArgumentException("A decision covers at least one limit");
        }
    }

    public static Decision of(boolean admitted, List<Limit> limits, List<WindowState> windows) {
        if (limits.size() != windows.size()) {
            throw new IllegalArgumentException(limits.size() + " limits but " + windows.size() + " window states");
        }
        List<Usage> usages = IntStream.range(0, limits.size())
                .mapToObj(i -> new Usage(limits.get(i), windows.get(i)))
                .toList();
        return new Decision(admitted, usages);
    }

    /** The limit a client should watch: the one that will refuse it first. */
    public Usage binding() {
        return usages.stream().min(MOST_CONSTRAINING).orElseThrow();
    }

    /** How long a refused client must wait: until every exhausted limit has room again. Zero when admitted. */
    public Duration retryAfter() {
        if (admitted) {
            return Duration.ZERO;
        }
        return usages.stream()
                .map(usage -> usage.window().retryAfter())
                .max(Comparator.naturalOrder())
                .orElseThrow();
    }
}
