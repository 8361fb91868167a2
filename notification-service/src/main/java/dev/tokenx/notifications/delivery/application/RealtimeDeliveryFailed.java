package dev.tokenx.notifications.delivery.application;

/**
 * The one failure of {@link RealtimePublisher}. Retryable when the realtime service could not be reached, timed out or
 * answered 5xx; not retryable when it refused the message (4xx: wrong credentials, unknown app, invalid channel or
 * payload), because the same request would be refused again.
 */
public final class RealtimeDeliveryFailed extends RuntimeException {

    private final boolean retryable;

    private RealtimeDeliveryFailed(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    public static RealtimeDeliveryFailed unavailable(String message) {
        return new RealtimeDeliveryFailed(message, null, true);
    }

    public static RealtimeDeliveryFailed rejected(String message, Throwable cause) {
        return new RealtimeDeliveryFailed(message, cause, false);
    }

    public boolean isRetryable() {
        return retryable;
    }
}
