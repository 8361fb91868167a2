package dev.tokenx.loadtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The settlement benchmark's bookkeeping: when each measured order was accepted (its 202 answered) and when its final
 * status reached Kafka. Thread-safe: Gatling's threads record acceptances, the {@link CompletionWatcher}'s thread
 * records outcomes, and either may come first for one order (a fast settlement can beat the bookkeeping of its 202).
 * Times are {@link System#nanoTime()} of this JVM.
 */
final class SettlementTally {

    enum Outcome {
        COMPLETED,
        FAILED
    }

    private record Finished(long atNanos, Outcome outcome) {}

    private final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
    private final Map<String, Finished> finished = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();

    void accepted(String orderId, long atNanos) {
        acceptedAt.put(orderId, atNanos);
    }

    void refused() {
        refused.incrementAndGet();
    }

    void finished(String orderId, Outcome outcome, long atNanos) {
        finished.putIfAbsent(orderId, new Finished(atNanos, outcome));
    }

    /** Every accepted order has an outcome. */
    boolean allSettled() {
        return acceptedAt.keySet().stream().allMatch(finished::containsKey);
    }

    Result result() {
        List<Long> latencies = new ArrayList<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int failed = 0;
        for (Map.Entry<String, Long> accepted : acceptedAt.entrySet()) {
            first = Math.min(first, accepted.getValue());
            Finished outcome = finished.get(accepted.getKey());
            if (outcome == null) {
                continue;
            }
            if (outcome.outcome() == Outcome.FAILED) {
                failed++;
                continue;
            }
            latencies.add(outcome.atNanos() - accepted.getValue());
            last = Math.max(last, outcome.atNanos());
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        Duration window = sorted.length == 0 ? Duration.ZERO : Duration.ofNanos(last - first);
        int unfinished = acceptedAt.size() - sorted.length - failed;
        return new Result(acceptedAt.size(), refused.get(), sorted.length, failed, unfinished, window, sorted);
    }

    /**
     * @param window from the first order accepted to the last one completed: completed orders per second over it is
     *     the settlement throughput, start-up and the final confirmations included
     * @param latencyNanos accept-to-completed times of the completed orders, sorted
     */
    record Result(
            int accepted,
            long refused,
            int completed,
            int failed,
            int unfinished,
            Duration window,
            long[] latencyNanos) {

        double completedPerSecond() {
            return window.isZero() ? 0 : completed * 1e9 / window.toNanos();
        }

        /** Nearest-rank percentile of the accept-to-completed times; zero when nothing completed. */
        Duration percentile(double percent) {
            if (latencyNanos.length == 0) {
                return Duration.ZERO;
            }
            int rank = (int) Math.ceil(percent / 100 * latencyNanos.length);
            return Duration.ofNanos(latencyNanos[Math.clamp(rank - 1, 0, latencyNanos.length - 1)]);
        }

        Duration max() {
            return latencyNanos.length == 0 ? Duration.ZERO : Duration.ofNanos(latencyNanos[latencyNanos.length - 1]);
        }
    }
}
