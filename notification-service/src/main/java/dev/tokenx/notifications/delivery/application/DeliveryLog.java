package dev.tokenx.notifications.delivery.application;

import java.util.UUID;

/**
 * The ids of events whose message was sent recently, kept long enough to outlive any redelivery (a consumer
 * rebalance, a replay from the dead-letter topic on the same day).
 */
public interface DeliveryLog {

    /** @throws DeliveryLogUnavailable when the log cannot be read */
    boolean contains(UUID eventId);

    /** @throws DeliveryLogUnavailable when the log cannot be written */
    void record(UUID eventId);
}
