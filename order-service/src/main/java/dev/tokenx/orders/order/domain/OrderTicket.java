package dev.tokenx.orders.order.domain;

import dev.tokenx.orders.shared.money.Inr;
import java.util.Objects;
import java.util.Optional;

/**
 * What the investor asks for: a side, a whole number of tokens of one symbol, and optionally the highest unit price
 * they accept.
 */
public record OrderTicket(String tokenSymbol, Side side, long quantity, Optional<Inr> limitPrice) {

    /** Whole tokens per order; larger orders go through a desk, not this API. */
    public static final long MAX_QUANTITY = 1_000_000L;

    public OrderTicket {
        Objects.requireNonNull(tokenSymbol, "tokenSymbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(limitPrice, "limitPrice");
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("Quantity must be between 1 and " + MAX_QUANTITY + ": " + quantity);
        }
        if (limitPrice.filter(limit -> !limit.isPositive()).isPresent()) {
            throw new IllegalArgumentException("A limit price is positive: " + limitPrice.get());
        }
    }
}
