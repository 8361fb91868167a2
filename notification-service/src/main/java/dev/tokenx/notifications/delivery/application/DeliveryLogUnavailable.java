package dev.tokenx.notifications.delivery.application;

/** The one failure of {@link DeliveryLog}: its store could not be reached in time. */
public final class DeliveryLogUnavailable extends RuntimeException {

    public DeliveryLogUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
