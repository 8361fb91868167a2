package dev.tokenx.orders.shared.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of Indian rupees, exact to the paisa. Signed, because ledger postings move money in both directions;
 * rules that need a positive amount say so where they apply.
 *
 * <p>The range is that of the {@code numeric(19,2)} columns that store it, so an amount that exists here can always
 * be written.
 */
public record Inr(BigDecimal amount) implements Comparable<Inr> {

    private static final int SCALE = 2;
    private static final BigDecimal LARGEST = new BigDecimal("99999999999999999.99");

    // After LARGEST: the constructor reads it.
    public static final Inr ZERO = new Inr(BigDecimal.ZERO);

    public Inr {
        Objects.requireNonNull(amount, "amount");
        if (amount.stripTrailingZeros().scale() > SCALE) {
            throw new IllegalArgumentException("An INR amount has at most 2 decimals: " + amount.toPlainString());
        }
        amount = amount.setScale(SCALE, RoundingMode.UNNECESSARY);
        if (amount.abs().compareTo(LARGEST) > 0) {
            throw new IllegalArgumentException("INR amount out of range: " + amount.toPlainString());
        }
    }

    public static Inr of(String amount) {
        return new Inr(new BigDecimal(amount));
    }

    public static Inr of(BigDecimal amount) {
        return new Inr(amount);
    }

    public Inr plus(Inr other) {
        return new Inr(amount.add(other.amount));
    }

    public Inr negate() {
        return new Inr(amount.negate());
    }

    public Inr times(long factor) {
        return new Inr(amount.multiply(BigDecimal.valueOf(factor)));
    }

    /** A share of this amount, rounded half-up to the paisa: 1% of ₹0.50 is ₹0.01. */
    public Inr share(BigDecimal rate) {
        return new Inr(amount.multiply(rate).setScale(SCALE, RoundingMode.HALF_UP));
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isGreaterThan(Inr other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Inr other) {
        return amount.compareTo(other.amount);
    }

    /** The decimal string used on the wire and in logs, always with 2 decimals: {@code "1000.00"}. */
    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
