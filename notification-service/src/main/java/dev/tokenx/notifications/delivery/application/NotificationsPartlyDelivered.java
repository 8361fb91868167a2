package dev.tokenx.notifications.delivery.application;

/**
 * A batch of events stopped at one whose message could not be delivered: the events before position {@link
 * #failedAt()} are done (sent, or needing no message, or sent before), this one failed with the cause ({@link
 * RealtimeDeliveryFailed} or {@code UndeliverableEvent}), those after it were not tried.
 */
public final class NotificationsPartlyDelivered extends RuntimeException {

    private final int failedAt;

    NotificationsPartlyDelivered(int failedAt, RuntimeException cause) {
        super("Event " + failedAt + " of the batch was not delivered: " + cause.getMessage(), cause);
        this.failedAt = failedAt;
    }

    public int failedAt() {
        return failedAt;
    }
}
