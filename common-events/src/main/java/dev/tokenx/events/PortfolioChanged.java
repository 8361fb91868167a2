package dev.tokenx.events;

import java.time.Instant;
import java.util.UUID;

/** A user's holding of one token changed; {@code quantity} is the new holding, not the difference. */
public record PortfolioChanged(
        UUID eventId, UUID userId, UUID orderId, String tokenSymbol, long quantity, Instant occurredAt)
        implements PortfolioEvent {}
