package dev.tokenx.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An order moved to a new status ({@code ACCEPTED}, {@code SETTLING}, {@code CONFIRMING}, {@code COMPLETED},
 * {@code FAILED}). The status is a string so that a reader meeting a status it does not know yet is not broken.
 * {@code txHash}, {@code confirmations} and {@code reason} are null where they do not apply.
 */
public record OrderStatusChanged(
        UUID eventId,
        UUID orderId,
        UUID userId,
        String tokenSymbol,
        String status,
        String txHash,
        Integer confirmations,
        Integer requiredConfirmations,
        String reason,
        Instant occurredAt)
        implements OrderEvent {}
