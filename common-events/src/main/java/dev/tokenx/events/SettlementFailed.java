package dev.tokenx.events;

import java.time.Instant;
import java.util.UUID;

/** The order's transfer will not happen; {@code txHash} is null when nothing was broadcast. */
public record SettlementFailed(UUID eventId, UUID orderId, String txHash, String reason, Instant occurredAt)
        implements SettlementEvent {}
