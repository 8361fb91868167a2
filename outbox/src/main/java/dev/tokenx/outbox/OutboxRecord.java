package dev.tokenx.outbox;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An event waiting in the outbox, as the relay publishes it. */
record OutboxRecord(
        long id,
        UUID eventId,
        String eventType,
        String topic,
        String key,
        byte[] payload,
        Optional<String> requestId,
        Instant createdAt) {}
