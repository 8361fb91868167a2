package dev.tokenx.notifications.delivery.application;

import dev.tokenx.notifications.delivery.domain.Notification;

/** Sends realtime messages to connected clients: Pusher's HTTP API, or realtime-server's copy of it. */
public interface RealtimePublisher {

    /**
     * Returns once the realtime service has accepted the message.
     *
     * @throws RealtimeDeliveryFailed when it did not; {@link RealtimeDeliveryFailed#isRetryable()} tells whether
     *     sending again later may succeed
     */
    void publish(Notification notification);
}
