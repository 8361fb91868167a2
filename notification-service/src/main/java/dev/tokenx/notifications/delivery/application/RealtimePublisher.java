package dev.tokenx.notifications.delivery.application;

import dev.tokenx.notifications.delivery.domain.Notification;
import java.util.List;

/** Sends realtime messages to connected clients: Pusher's HTTP API, or realtime-server's copy of it. */
public interface RealtimePublisher {

    /** The most messages one request takes: Pusher's {@code batch_events} limit. */
    int MAX_BATCH = 10;

    /**
     * Sends up to {@link #MAX_BATCH} messages in one request, to be delivered in their order; returns once the realtime
     * service has accepted all of them. All or nothing: a refusal of one refuses the request.
     *
     * @throws RealtimeDeliveryFailed when it did not; {@link RealtimeDeliveryFailed#isRetryable()} tells whether
     *     sending again later may succeed
     */
    void publish(List<Notification> notifications);
}
