package dev.tokenx.orders.shared.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InrTest {

    @Nested
    class an_amount {

        @Test
        void always_has_two_decimals() {
            assertThat(Inr.of("1000").toString()).isEqualTo("1000.00");
            assertThat(Inr.of("5.5").toString()).isEqualTo("5.50");
            assertThat(Inr.of(new BigDecimal("1E+3")).toString()).isEqualTo("1000.00");
        }

        @Test
        void equals_another_of_the_same_value_whatever_its_spelling() {
            assertThat(Inr.of("10.0")).isEqualTo(Inr.of("10.00"));
        }

        @Test
        void refuses_fractions_of_a_paisa() {
            assertThatThrownBy(() -> Inr.of("0.005")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void accepts_trailing_zeros_beyond_the_paisa() {
            assertThat(Inr.of("12.3400")).isEqualTo(Inr.of("12.34"));
        }

        @Test
        void refuses_what_numeric_19_2_cannot_store() {
            assertThat(Inr.of("99999999999999999.99").toString()).isEqualTo("99999999999999999.99");
            assertThatThrownBy(() -> Inr.of("100000000000000000.00")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class arithmetic {

        @Test
        void adds_negates_and_multiplies_exactly() {
            assertThat(Inr.of("0.10").plus(Inr.of("0.20"))).isEqualTo(Inr.of("0.30"));
            assertThat(Inr.of("1.00").plus(Inr.of("-2.50"))).isEqualTo(Inr.of("-1.50"));
            assertThat(Inr.of("2500.00").negate()).isEqualTo(Inr.of("-2500.00"));
            assertThat(Inr.of("1000.01").times(3)).isEqualTo(Inr.of("3000.03"));
        }

        @ParameterizedTest(name = "{1} of {0} is {2}")
        @CsvSource({
            "0.50, 0.01, 0.01", // 0.005 rounds half up
            "0.49, 0.01, 0.00", // 0.0049 rounds down
            "1.50, 0.01, 0.02", // 0.015 rounds half up, not to even
            "2.50, 0.01, 0.03", // 0.025 rounds half up, not to even
            "1000.00, 0.01, 10.00",
            "123456.78, 0.01, 1234.57",
            "99.99, 0, 0.00"
        })
        void takes_a_share_rounded_half_up_to_the_paisa(String amount, String rate, String share) {
            assertThat(Inr.of(amount).share(new BigDecimal(rate))).isEqualTo(Inr.of(share));
        }
    }
}
