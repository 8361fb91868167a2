package dev.tokenx.orders.order.domain;

import dev.tokenx.orders.shared.money.Inr;
import java.util.Objects;

/** What the platform charges on top of an order's value. */
public record Fees(Inr platformFee, Inr gasFee) {

    public Fees {
        Objects.requireNonNull(platformFee, "platformFee");
        Objects.requireNonNull(gasFee, "gasFee");
    }

    public Inr total() {
        return platformFee.plus(gasFee);
    }
}
