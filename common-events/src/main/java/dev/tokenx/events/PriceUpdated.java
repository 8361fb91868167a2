package dev.tokenx.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A token's primary-offering price in INR changed. */
public record PriceUpdated(UUID eventId, String tokenSymbol, BigDecimal price, Instant occurredAt)
        implements TokenEvent {}
