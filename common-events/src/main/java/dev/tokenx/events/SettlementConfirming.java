package dev.tokenx.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The order's transfer is mined and gathering blocks: {@code confirmations} of {@code requiredConfirmations}. Sent
 * once per new count, so a reader can show "Confirming 2/3"; {@link SettlementConfirmed} follows at the last one.
 */
public record SettlementConfirming(
        UUID eventId,
        UUID orderId,
        String txHash,
        long blockNumber,
        int confirmations,
        int requiredConfirmations,
        Instant occurredAt)
        implements SettlementEvent {}
