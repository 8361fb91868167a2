package dev.tokenx.loadtests;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts one phase's answers, keeps the accepted orders' response times (as Gatling measures them, in whole
 * milliseconds) and times the phase from its first request to its last answer, so that the measured throughput
 * and percentiles exclude the warm-up. Called on every request: adders and compare-and-sets, nothing that blocks.
 */
final class Tally {

    private static final long NOT_YET = Long.MIN_VALUE;

    /** Gatling gives up on a request after 10 s (gatling.conf); anything slower lands in the last slot. */
    private static final int SLOTS = 10_001;

    private final AtomicLong firstSent = new AtomicLong(NOT_YET);
    private final AtomicLong lastAnswered = new AtomicLong(NOT_YET);
    private final LongAdder failed = new LongAdder();
    private final AtomicLongArray acceptedByMillis = new AtomicLongArray(SLOTS);

    void sending() {
        firstSent.compareAndSet(NOT_YET, System.nanoTime());
    }

    void accepted(int responseTimeMillis) {
        acceptedByMillis.incrementAndGet(Math.clamp(responseTimeMillis, 0, SLOTS - 1));
        answered();
    }

    void failed() {
        failed.increment();
        answered();
    }

    private void answered() {
        lastAnswered.accumulateAndGet(System.nanoTime(), Math::max);
    }

    Result result() {
        long[] counts = new long[SLOTS];
        long accepted = 0;
        for (int millis = 0; millis < SLOTS; millis++) {
            counts[millis] = acceptedByMillis.get(millis);
            accepted += counts[millis];
        }
        long first = firstSent.get();
        long last = lastAnswered.get();
        Duration window = first == NOT_YET || last == NOT_YET ? Duration.ZERO : Duration.ofNanos(last - first);
        return new Result(accepted, failed.sum(), window, counts);
    }

    /** What one phase measured; percentiles are of the accepted orders' response times. */
    record Result(long accepted, long failed, Duration window, long[] acceptedByMillis) {

        double acceptedPerSecond() {
            return window.isZero() ? 0 : accepted * 1e9 / window.toNanos();
        }

        /** The smallest response time that at least {@code percent} of the accepted orders did not exceed. */
        int percentile(double percent) {
            // The epsilon keeps 99.9 % of 1,000 at rank 999: in doubles it comes out a hair above.
            long rank = Math.max(1, (long) Math.ceil(percent / 100 * accepted - 1e-9));
            long seen = 0;
            for (int millis = 0; millis < acceptedByMillis.length; millis++) {
                seen += acceptedByMillis[millis];
                if (seen >= rank) {
                    return millis;
                }
            }
            return 0;
        }

        int max() {
            return percentile(100);
        }
    }
}
