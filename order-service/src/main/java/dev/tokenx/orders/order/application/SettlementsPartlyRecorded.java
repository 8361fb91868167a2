package dev.tokenx.orders.order.application;

/**
 * A batch of settlement events stopped at one that could not be applied: the events before position {@link
 * #failedAt()} are applied (each committed), this one failed with the cause, those after it were not tried.
 */
public final class SettlementsPartlyRecorded extends RuntimeException {

    private final int failedAt;

    SettlementsPartlyRecorded(int failedAt, Throwable cause) {
        super("Settlement event " + failedAt + " of the batch could not be applied: " + cause, cause);
        this.failedAt = failedAt;
    }

    public int failedAt() {
        return failedAt;
    }
}
