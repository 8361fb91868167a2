package dev.tokenx.orders.order.domain;

import dev.tokenx.orders.shared.money.Inr;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A platform fee as a share of the order value, rounded half-up to the paisa, plus a flat gas fee.
 *
 * @param platformFeeRate e.g. {@code 0.01} for 1%
 */
public record FeePolicy(BigDecimal platformFeeRate, Inr gasFee) {

    public FeePolicy {
        Objects.requireNonNull(platformFeeRate, "platformFeeRate");
        Objects.requireNonNull(gasFee, "gasFee");
        if (platformFeeRate.signum() < 0 || platformFeeRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("The platform fee rate is between 0 and 1: " + platformFeeRate);
        }
        if (gasFee.compareTo(Inr.ZERO) < 0) {
            throw new IllegalArgumentException("The gas fee is not negative: " + gasFee);
        }
    }

    public Fees feesFor(Inr orderValue) {
        return new Fees(orderValue.share(platformFeeRate), gasFee);
    }
}
