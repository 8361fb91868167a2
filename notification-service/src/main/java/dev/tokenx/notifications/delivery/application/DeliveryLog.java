package dev.tokenx.notifications.delivery.application;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * The ids of events whose message was sent recently, kept long enough to outlive any redelivery (a consumer
 * rebalance, a replay from the dead-letter topic on the same day). Each call is one round trip, whatever the number
 * of ids.
 */
public interface DeliveryLog {

    /**
     * @return those of the ids whose message was sent
     * @throws DeliveryLogUnavailable when the log cannot be read
     */
    Set<UUID> delivered(Collection<UUID> eventIds);

    /** @throws DeliveryLogUnavailable when the log cannot be written */
    void record(Collection<UUID> eventIds);
}
