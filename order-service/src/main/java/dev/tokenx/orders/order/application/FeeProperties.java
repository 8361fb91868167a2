package dev.tokenx.orders.order.application;

import dev.tokenx.orders.order.domain.FeePolicy;
import dev.tokenx.orders.shared.money.Inr;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param platformRate the platform fee as a share of the order value, e.g. {@code 0.01} for 1%
 * @param gas the flat gas fee per order in INR
 */
@Validated
@ConfigurationProperties("orders.fees")
public record FeeProperties(
        @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal platformRate,

        @NotNull @DecimalMin("0") @Digits(integer = 17, fraction = 2)
        BigDecimal gas) {

    public FeePolicy policy() {
        return new FeePolicy(platformRate, Inr.of(gas));
    }
}
