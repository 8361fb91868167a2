package dev.tokenx.orders.catalog.domain;

/** The catalog's answer for a symbol: listed with a price, or not listed at all. */
public sealed interface Listing {

    String symbol();

    record Listed(Token token) implements Listing {

        @Override
        public String symbol() {
            return token.symbol();
        }
    }

    record Unlisted(String symbol) implements Listing {}
}
