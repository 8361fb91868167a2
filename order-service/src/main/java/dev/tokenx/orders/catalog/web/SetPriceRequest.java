package dev.tokenx.orders.catalog.web;

import dev.tokenx.orders.shared.web.MaxDecimals;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * The body of {@code PUT /api/admin/tokens/{symbol}/price}: {@code {"price": "2512.50"}}. Read as a decimal, never as
 * binary floating point. The maximum keeps every order at this price within the ledger's {@code numeric(19,2)}: a
 * million tokens (the largest order) at ₹1,00,00,00,000.00 each, with fees, is still far below its range.
 */
record SetPriceRequest(
        @NotNull(message = "is required")
        @DecimalMin(value = "0.01", message = "must be positive")
        @DecimalMax(value = SetPriceRequest.MAX_PRICE, message = "must be at most " + SetPriceRequest.MAX_PRICE)
        @MaxDecimals(value = 2, message = "must be an INR amount with at most 2 decimals")
        BigDecimal price) {

    static final String MAX_PRICE = "1000000000.00";
}
