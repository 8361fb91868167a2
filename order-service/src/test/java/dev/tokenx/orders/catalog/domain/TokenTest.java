package dev.tokenx.orders.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenx.orders.shared.money.Inr;
import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenTest {

    private static final PriceMoveLimit TWENTY_PERCENT = new PriceMoveLimit(new BigDecimal("0.20"));

    private static Token mumsea(String price) {
        return new Token("MUMSEA", "Mumbai Sea View Towers", Inr.of(price));
    }

    @Nested
    class repricing {

        @Test
        void gives_the_token_at_its_new_price_and_remembers_the_one_before() {
            PriceChange change = mumsea("2500.00").reprice(Inr.of("2512.50"), TWENTY_PERCENT);

            assertThat(change.token()).isEqualTo(mumsea("2512.50"));
            assertThat(change.previousPrice()).isEqualTo(Inr.of("2500.00"));
            assertThat(change.changed()).isTrue();
        }

        @Test
        void to_the_same_price_changes_nothing() {
            PriceChange change = mumsea("2500.00").reprice(Inr.of("2500"), TWENTY_PERCENT);

            assertThat(change.changed()).isFalse();
            assertThat(change.token()).isEqualTo(mumsea("2500.00"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2000.00", "3000.00", "2000.01", "2999.99"})
        void may_move_the_price_up_to_the_limit_either_way(String price) {
            assertThat(mumsea("2500.00")
                            .reprice(Inr.of(price), TWENTY_PERCENT)
                            .token()
                            .price())
                    .isEqualTo(Inr.of(price));
        }

        @ParameterizedTest
        @ValueSource(strings = {"1999.99", "3000.01", "25125.00", "0.01"})
        void refuses_a_move_beyond_the_limit_naming_the_current_price_and_the_range(String price) {
            assertThatThrownBy(() -> mumsea("2500.00").reprice(Inr.of(price), TWENTY_PERCENT))
                    .isInstanceOfSatisfying(PriceMoveTooLarge.class, refused -> {
                        assertThat(refused.currentPrice()).isEqualTo(Inr.of("2500.00"));
                        assertThat(refused.maxMove()).isEqualByComparingTo("0.20");
                        assertThat(refused.lowestPrice()).isEqualTo(Inr.of("2000.00"));
                        assertThat(refused.highestPrice()).isEqualTo(Inr.of("3000.00"));
                    })
                    .hasMessageContaining("2500.00")
                    .hasMessageContaining("20%")
                    .hasMessageContaining(price);
        }

        @Test
        void rounds_the_largest_move_half_up_to_the_paisa() {
            Token token = mumsea("0.05");

            assertThat(token.reprice(Inr.of("0.06"), TWENTY_PERCENT).changed()).isTrue();
            assertThatThrownBy(() -> token.reprice(Inr.of("0.07"), TWENTY_PERCENT))
                    .isInstanceOf(PriceMoveTooLarge.class);
        }

        @Test
        void never_names_a_lowest_price_below_a_paisa_when_the_limit_is_wide() {
            PriceMoveLimit wide = new PriceMoveLimit(new BigDecimal("2"));

            assertThatThrownBy(() -> mumsea("100.00").reprice(Inr.of("300.01"), wide))
                    .isInstanceOfSatisfying(
                            PriceMoveTooLarge.class,
                            refused -> assertThat(refused.lowestPrice()).isEqualTo(Inr.of("0.01")));
        }
    }
}
