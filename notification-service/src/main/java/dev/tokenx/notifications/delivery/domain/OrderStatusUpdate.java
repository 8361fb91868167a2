package dev.tokenx.notifications.delivery.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * The body of an {@code order-status} message.
 *
 * @param txHash the settlement transaction, once there is one
 * @param confirmations blocks on top of the transaction's, while confirming
 * @param reason why the order failed, when it did
 */
public record OrderStatusUpdate(
        UUID orderId,
        String status,
        String tokenSymbol,
        String txHash,
        Integer confirmations,
        Integer requiredConfirmations,
        String reason,
        String message,
        Instant occurredAt)
        implements NotificationPayload {}
