package dev.tokenx.notifications.delivery.domain;

import java.time.Instant;

/**
 * The body of an {@code announcement} message on the public {@code system} channel.
 *
 * @param severity {@code INFO}, {@code WARNING} or {@code CRITICAL}
 */
public record Announcement(String title, String message, String severity, Instant occurredAt)
        implements NotificationPayload {}
