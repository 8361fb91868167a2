package dev.tokenx.notifications.delivery.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * One realtime message: what is sent where, and the id of the event it tells about, by which a redelivered event is
 * recognised.
 *
 * @param channel the Pusher channel, e.g. {@code private-user-<id>}
 * @param event the Pusher event name the client binds to, e.g. {@code order-status}
 */
public record Notification(UUID eventId, String channel, String event, NotificationPayload payload) {

    public Notification {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(payload, "payload");
    }
}
