package dev.tokenx.events;

import java.time.Instant;
import java.util.UUID;

/** An operator's message to every user; {@code severity} is {@code INFO}, {@code WARNING} or {@code CRITICAL}. */
public record SystemAnnouncement(UUID eventId, String title, String message, String severity, Instant occurredAt)
        implements AnnouncementEvent {}
