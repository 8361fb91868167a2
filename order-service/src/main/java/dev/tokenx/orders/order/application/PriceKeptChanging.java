package dev.tokenx.orders.order.application;

/**
 * The token's price changed between deciding an order and writing it, every time it was tried; nothing was written,
 * and the same request may be sent again.
 */
public final class PriceKeptChanging extends RuntimeException {

    public PriceKeptChanging(String symbol, int attempts) {
        super(
                "The price of " + symbol + " changed while the order was placed (" + attempts
                        + " times); nothing was stored, send it again.",
                null,
                false,
                false);
    }
}
