package dev.tokenx.orders.catalog.domain;

import dev.tokenx.orders.shared.money.Inr;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * How far one update may move a token's price, as a share of the current price ({@code 0.20}: at most 20% up or
 * down), so that a slipped digit ({@code 25125.00} for {@code 2512.50}) is refused instead of repricing every order.
 */
public record PriceMoveLimit(BigDecimal maxMove) {

    public PriceMoveLimit {
        Objects.requireNonNull(maxMove, "maxMove");
        if (maxMove.signum() <= 0) {
            throw new IllegalArgumentException("A price move limit is positive: " + maxMove.toPlainString());
        }
    }

    /** The largest move allowed from the current price, rounded half-up to the paisa. */
    public Inr largestMoveFrom(Inr current) {
        return current.share(maxMove);
    }

    public boolean allows(Inr current, Inr next) {
        Inr move = next.plus(current.negate());
        Inr largest = largestMoveFrom(current);
        return !move.isGreaterThan(largest) && !move.negate().isGreaterThan(largest);
    }
}
