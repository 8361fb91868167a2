package dev.tokenx.notifications.delivery.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * The body of a {@code portfolio-updated} message.
 *
 * @param quantity the new holding of the token, not the difference
 * @param orderId the order that changed it, when an order did
 */
public record PortfolioUpdate(String tokenSymbol, long quantity, UUID orderId, String message, Instant occurredAt)
        implements NotificationPayload {}
