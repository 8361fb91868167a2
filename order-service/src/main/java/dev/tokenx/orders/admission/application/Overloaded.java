package dev.tokenx.orders.admission.application;

import java.time.Duration;

/** A placement refused because the platform cannot take more now; the client may retry after {@link #retryAfter}. */
public final class Overloaded extends RuntimeException {

    private final Duration retryAfter;

    private Overloaded(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    static Overloaded tooManyInFlight(Duration retryAfter) {
        return new Overloaded("Too many orders are being placed right now; try again shortly.", retryAfter);
    }

    static Overloaded settlementBehind(Duration delay, Duration retryAfter) {
        return new Overloaded(
                "Settlement is behind (the oldest accepted order has waited " + delay.toMillis()
                        + " ms); new orders are paused until it catches up. Try again shortly.",
                retryAfter);
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
