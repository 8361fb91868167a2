package dev.tokenx.orders.catalog.domain;

import dev.tokenx.orders.shared.money.Inr;
import java.math.BigDecimal;

/** A price update moves the price further from the current one than one update may. */
public final class PriceMoveTooLarge extends RuntimeException {

    private final Inr currentPrice;
    private final BigDecimal maxMove;
    private final Inr lowestPrice;
    private final Inr highestPrice;

    public PriceMoveTooLarge(String symbol, Inr currentPrice, Inr requested, PriceMoveLimit limit) {
        super(
                "The price of " + symbol + " is " + currentPrice + " INR; one update may move it by at most "
                        + limit.maxMove().movePointRight(2).stripTrailingZeros().toPlainString() + "% (to between "
                        + lowest(currentPrice, limit) + " and " + highest(currentPrice, limit) + " INR), not to "
                        + requested + " INR.",
                null,
                false,
                false);
        this.currentPrice = currentPrice;
        this.maxMove = limit.maxMove();
        this.lowestPrice = lowest(currentPrice, limit);
        this.highestPrice = highest(currentPrice, limit);
    }

    private static Inr lowest(Inr current, PriceMoveLimit limit) {
        Inr lowest = current.plus(limit.largestMoveFrom(current).negate());
        return lowest.isPositive() ? lowest : Inr.of("0.01");
    }

    private static Inr highest(Inr current, PriceMoveLimit limit) {
        return current.plus(limit.largestMoveFrom(current));
    }

    public Inr currentPrice() {
        return currentPrice;
    }

    /** The share of the current price one update may move it by. */
    public BigDecimal maxMove() {
        return maxMove;
    }

    public Inr lowestPrice() {
        return lowestPrice;
    }

    public Inr highestPrice() {
        return highestPrice;
    }
}
