package dev.tokenx.gateway.ratelimit.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tokenx.gateway.ratelimit.domain.Decision;
import dev.tokenx.gateway.ratelimit.domain.Limit;
import dev.tokenx.gateway.ratelimit.domain.Partition;
import dev.tokenx.gateway.ratelimit.domain.WindowState;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The second limit, for routes that stay open while the shared counters are unreachable: the same sliding window
 * log, kept in this instance's memory, over a share of each limit ({@code fraction}; 1/N of it for N instances keeps
 * the platform's total). Used only after Redis failed to answer, so it costs nothing while Redis is up.
 *
 * <p>All-or-nothing as the Redis script: a request is recorded in every partition or in none. One lock for every
 * partition keeps that simple; it is taken only during an outage, for a few microseconds per request. At most
 * {@code maximumPartitions} partitions are kept (least recently used dropped first), each for one window after its
 * last request, so that an outage under a flood of addresses cannot exhaust the heap.
 */
public final class LocalRateLimit {

    private final double fraction;
    private final LongSupplier nanoClock;
    private final Cache<Key, ArrayDeque<Long>> windows;

    public LocalRateLimit(double fraction, Duration longestWindow, long maximumPartitions, LongSupplier nanoClock) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("The local share of a limit is in (0, 1], got " + fraction);
        }
        this.fraction = fraction;
        this.nanoClock = nanoClock;
        this.windows = Caffeine.newBuilder()
                .maximumSize(maximumPartitions)
                .expireAfterAccess(longestWindow)
                .build();
    }

    public synchronized Decision check(List<Limit> limits) {
        if (limits.isEmpty()) {
            throw new IllegalArgumentException("Nothing to check: no limit applies");
        }
        long now = nanoClock.getAsLong();
        List<Limit> local =
                limits.stream().map(limit -> limit.scaledBy(fraction)).toList();
        List<ArrayDeque<Long>> logs = new ArrayList<>(local.size());
        boolean admitted = true;
        for (Limit limit : local) {
            ArrayDeque<Long> log = windows.get(new Key(limit.route(), limit.partition()), key -> new ArrayDeque<>());
            dropExpired(log, now - limit.window().toNanos());
            logs.add(log);
            admitted &= log.size() < limit.limit();
        }
        List<WindowState> states = new ArrayList<>(local.size());
        for (int i = 0; i < local.size(); i++) {
            if (admitted) {
                logs.get(i).addLast(now);
            }
            states.add(stateOf(logs.get(i), local.get(i), now));
        }
        return Decision.of(admitted, local, states);
    }

    private static void dropExpired(ArrayDeque<Long> log, long windowStart) {
        while (!log.isEmpty() && log.peekFirst() <= windowStart) {
            log.pollFirst();
        }
    }

    private static WindowState stateOf(ArrayDeque<Long> log, Limit limit, long now) {
        long window = limit.window().toNanos();
        Duration resetAfter = log.isEmpty() ? Duration.ZERO : Duration.ofNanos(log.peekFirst() + window - now);
        Duration retryAfter = Duration.ZERO;
        if (log.size() >= limit.limit()) {
            // The request fits once all but limit - 1 of the entries have left the window.
            Iterator<Long> entries = log.iterator();
            long freeing = 0;
            for (int i = 0; i <= log.size() - limit.limit(); i++) {
                freeing = entries.next();
            }
            retryAfter = Duration.ofNanos(freeing + window - now);
        }
        return new WindowState(log.size(), resetAfter, retryAfter);
    }

    private record Key(String route, Partition partition) {}
}
