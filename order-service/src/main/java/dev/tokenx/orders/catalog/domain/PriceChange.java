package dev.tokenx.orders.catalog.domain;

import dev.tokenx.orders.shared.money.Inr;
import java.util.Objects;

/**
 * What setting a token's price did: the token at its new price, and the price it had before. Setting the price it
 * already has changes nothing ({@link #changed()} is false), so a repeated update is answered like the first.
 */
public record PriceChange(Token token, Inr previousPrice) {

    public PriceChange {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(previousPrice, "previousPrice");
    }

    public boolean changed() {
        return !token.price().equals(previousPrice);
    }
}
