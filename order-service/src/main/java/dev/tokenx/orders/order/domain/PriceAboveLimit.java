package dev.tokenx.orders.order.domain;

import dev.tokenx.orders.shared.money.Inr;

public final class PriceAboveLimit extends OrderRejected {

    public PriceAboveLimit(String symbol, Inr price, Inr limit) {
        super("The price of " + symbol + " is " + price + " INR, above your limit of " + limit + " INR.");
    }
}
