package dev.tokenx.orders.order.application;

import java.util.Objects;
import java.util.regex.Pattern;

/** The client's {@code Idempotency-Key}: 1 to 100 characters from a URL- and log-safe set. */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern FORMAT = Pattern.compile("^[A-Za-z0-9._:-]{1,100}$");

    public IdempotencyKey {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidIdempotencyKey();
        }
    }
}
