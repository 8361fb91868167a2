package dev.tokenx.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A token's primary-offering price in INR changed, from {@code previousPrice} to {@code price} (both 2 decimals, as
 * decimal strings on the wire). Keyed by token symbol, so one token's prices are read in the order they were set.
 */
public record PriceUpdated(
        UUID eventId, String tokenSymbol, BigDecimal price, BigDecimal previousPrice, Instant occurredAt)
        implements TokenEvent {}
