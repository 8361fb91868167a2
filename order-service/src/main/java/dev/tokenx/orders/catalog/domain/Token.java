package dev.tokenx.orders.catalog.domain;

import dev.tokenx.orders.shared.money.Inr;
import java.util.Objects;

/** A tokenized asset in the primary offering, sold at a fixed INR price per whole token. */
public record Token(String symbol, String name, Inr price) {

    public Token {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        if (!price.isPositive()) {
            throw new IllegalArgumentException("A token's price is positive: " + symbol + " at " + price);
        }
    }

    /**
     * The token at a new price.
     *
     * @throws PriceMoveTooLarge when the new price is further from this one than the limit allows
     */
    public PriceChange reprice(Inr newPrice, PriceMoveLimit limit) {
        if (!limit.allows(price, newPrice)) {
            throw new PriceMoveTooLarge(symbol, price, newPrice, limit);
        }
        return new PriceChange(new Token(symbol, name, newPrice), price);
    }
}
