package dev.tokenx.orders.order.domain;

import static dev.tokenx.orders.order.domain.PlacementFixtures.ONE_PERCENT_PLUS_FIVE_RUPEES_GAS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenx.orders.shared.money.Inr;
import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeePolicyTest {

    private final FeePolicy policy = ONE_PERCENT_PLUS_FIVE_RUPEES_GAS;

    @Nested
    class the_platform_fee {

        @Test
        void is_one_percent_of_the_order_value() {
            assertThat(policy.feesFor(Inr.of("10000.00")).platformFee()).isEqualTo(Inr.of("100.00"));
        }

        @ParameterizedTest(name = "1% of {0} is {1}")
        @CsvSource({
            "0.50, 0.01", // exactly half a paisa rounds up
            "0.49, 0.00", // just under half a paisa rounds down
            "1.50, 0.02", // half up, not half even (which would give 0.02 too)
            "2.50, 0.03", // half up, not half even (which would give 0.02)
            "0.01, 0.00",
            "1234.50, 12.35",
            "2500000000.00, 25000000.00"
        })
        void is_rounded_half_up_to_the_paisa(String orderValue, String platformFee) {
            assertThat(policy.feesFor(Inr.of(orderValue)).platformFee()).isEqualTo(Inr.of(platformFee));
        }
    }

    @Nested
    class the_gas_fee {

        @Test
        void is_flat_whatever_the_order_value() {
            assertThat(policy.feesFor(Inr.of("1.00")).gasFee()).isEqualTo(Inr.of("5.00"));
            assertThat(policy.feesFor(Inr.of("1000000.00")).gasFee()).isEqualTo(Inr.of("5.00"));
        }
    }

    @Nested
    class the_fees_together {

        @Test
        void add_up_to_platform_plus_gas() {
            assertThat(policy.feesFor(Inr.of("1000.00")).total()).isEqualTo(Inr.of("15.00"));
        }

        @Test
        void follow_the_configured_rates() {
            FeePolicy custom = new FeePolicy(new BigDecimal("0.025"), Inr.of("0.00"));

            Fees fees = custom.feesFor(Inr.of("1000.00"));

            assertThat(fees.platformFee()).isEqualTo(Inr.of("25.00"));
            assertThat(fees.gasFee()).isEqualTo(Inr.ZERO);
        }
    }

    @Nested
    class a_policy {

        @Test
        void refuses_a_rate_above_one_hundred_percent() {
            assertThatThrownBy(() -> new FeePolicy(new BigDecimal("1.01"), Inr.of("5.00")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void refuses_a_negative_rate() {
            assertThatThrownBy(() -> new FeePolicy(new BigDecimal("-0.01"), Inr.of("5.00")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void refuses_a_negative_gas_fee() {
            assertThatThrownBy(() -> new FeePolicy(new BigDecimal("0.01"), Inr.of("-5.00")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
