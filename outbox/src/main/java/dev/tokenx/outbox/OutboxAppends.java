package dev.tokenx.outbox;

import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Tells this instance's relay that rows were appended, so that it can sleep while the outbox is idle instead of
 * polling it. In-process only: rows appended by other instances are found by their own relays, or by this one's idle
 * poll ({@code tokenx.outbox.idle-poll-interval}).
 */
final class OutboxAppends {

    private final AtomicReference<Sinks.Empty<Void>> next = new AtomicReference<>(Sinks.empty());

    /**
     * Completes at the first append after this call (also when it is subscribed to later), so the relay arms it
     * before it claims and misses no append made while it was claiming.
     */
    Mono<Void> next() {
        Sinks.Empty<Void> signal = Sinks.empty();
        next.set(signal);
        return signal.asMono();
    }

    /** Cheap on the hot path: after the first append since the relay armed the signal, a failed emission only. */
    void appended() {
        next.get().tryEmitEmpty();
    }
}
