package dev.tokenx.orders.catalog.web;

import dev.tokenx.orders.catalog.domain.PriceChange;

/**
 * A token's price after an update, and the one before it; {@code changed} is false when the update set the price the
 * token already had.
 */
record TokenPriceView(String tokenSymbol, String name, String price, String previousPrice, boolean changed) {

    static TokenPriceView of(PriceChange change) {
        return new TokenPriceView(
                change.token().symbol(),
                change.token().name(),
                change.token().price().toString(),
                change.previousPrice().toString(),
                change.changed());
    }
}
