package dev.tokenx.orders.ledger.domain;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The natural key of a ledger account, readable in SQL and logs: {@code user:<id>:cash:available},
 * {@code user:<id>:cash:held}, {@code platform:funding}.
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

    @Override
    public String toString() {
        return value;
    }
}
