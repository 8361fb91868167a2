package dev.tokenx.orders.ledger.domain;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The natural key of a ledger account, readable in SQL and logs: {@code user:<id>:cash:available},
 * {@code user:<id>:cash:held}, {@code platform:funding}, {@code treasury:proceeds}, {@code platform:fees},
 * {@code platform:gas}.
 */
public record LedgerAccountCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("^[a-z0-9:-]{1,100}$");

    public LedgerAccountCode {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a ledger account code: " + value);
        }
    }

    /** Cash the investor may spend. */
    public static LedgerAccountCode cashAvailable(UUID userId) {
        return new LedgerAccountCode("user:" + userId + ":cash:available");
    }

    /** Cash reserved for the investor's open orders. */
    public static LedgerAccountCode cashHeld(UUID userId) {
        return new LedgerAccountCode("user:" + userId + ":cash:held");
    }

    /** What investors paid for the tokens the treasury sold them. */
    public static final LedgerAccountCode TREASURY_PROCEEDS = new LedgerAccountCode("treasury:proceeds");

    /** The platform's fees on completed orders. */
    public static final LedgerAccountCode PLATFORM_FEES = new LedgerAccountCode("platform:fees");

    /** The gas fees charged on completed orders, which pay for the settlement transactions. */
    public static final LedgerAccountCode GAS_FEES = new LedgerAccountCode("platform:gas");

    @Override
    public String toString() {
        return value;
    }
}
