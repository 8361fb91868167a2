package dev.tokenx.orders.order.domain;

public final class UnknownToken extends OrderRejected {

    public UnknownToken(String symbol) {
        super("No token is listed under the symbol " + symbol + ".");
    }
}
