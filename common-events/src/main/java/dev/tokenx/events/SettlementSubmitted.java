package dev.tokenx.events;

import java.time.Instant;
import java.util.UUID;

/** The signed transfer for an order was broadcast; {@code nonce} is the one it will keep on every re-send. */
public record SettlementSubmitted(UUID eventId, UUID orderId, String txHash, long nonce, Instant occurredAt)
        implements SettlementEvent {}
