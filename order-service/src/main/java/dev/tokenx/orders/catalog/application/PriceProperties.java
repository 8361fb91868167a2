package dev.tokenx.orders.catalog.application;

import dev.tokenx.orders.catalog.domain.PriceMoveLimit;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxMove the largest share of the current price one update may move it by, up or down ({@code 0.20}: 20%)
 */
@Validated
@ConfigurationProperties("orders.prices")
public record PriceProperties(
        @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal maxMove) {

    public PriceMoveLimit moveLimit() {
        return new PriceMoveLimit(maxMove);
    }
}
