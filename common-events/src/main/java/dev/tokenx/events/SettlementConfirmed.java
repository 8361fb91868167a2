package dev.tokenx.events;

import java.time.Instant;
import java.util.UUID;

/** The order's transfer is mined in {@code blockNumber} and has {@code confirmations} blocks on top of it. */
public record SettlementConfirmed(
        UUID eventId, UUID orderId, String txHash, long blockNumber, int confirmations, Instant occurredAt)
        implements SettlementEvent {}
