package dev.tokenx.orders.order.web;

import dev.tokenx.orders.shared.web.MaxDecimals;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/**
 * The body of {@code POST /api/trading/place-order}. Numbers are read as decimals, never as binary floating point,
 * so {@code 10.5} tokens is refused instead of being truncated to 10, and {@code "1000.005"} is refused instead of
 * being rounded.
 */
record PlaceOrderRequest(
        @NotNull
        @Pattern(
                regexp = "^[A-Z][A-Z0-9]{1,15}$",
                message = "must be 2 to 16 capital letters or digits, starting with a letter")
        String tokenSymbol,

        @NotNull @Pattern(regexp = "^(BUY|SELL)$", message = "must be BUY or SELL")
        String side,

        @NotNull
        @DecimalMin(value = "1", message = "must be at least 1")
        @DecimalMax(value = "1000000", message = "must be at most 1000000")
        @MaxDecimals(value = 0, message = "must be a whole number of tokens")
        BigDecimal quantity,

        @DecimalMin(value = "0.01", message = "must be positive")
        @DecimalMax(value = "99999999999999999.99", message = "is too large")
        @MaxDecimals(value = 2, message = "must be an INR amount with at most 2 decimals")
        BigDecimal limitPrice) {}
