package dev.tokenx.orders.order.domain;

/** An order the platform refuses to accept; each subclass names the rule it broke. */
public abstract sealed class OrderRejected extends RuntimeException
        permits KycRequired, UnknownToken, PriceAboveLimit, SideNotSupported {

    protected OrderRejected(String message) {
        super(message, null, false, false);
    }
}
