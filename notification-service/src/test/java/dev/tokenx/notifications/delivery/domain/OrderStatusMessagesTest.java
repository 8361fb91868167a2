package dev.tokenx.notifications.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OrderStatusMessagesTest {

    @Test
    void an_accepted_order_has_its_funds_reserved() {
        assertThat(OrderStatusMessages.describe("ACCEPTED", null, null, null))
                .isEqualTo("Order accepted — funds reserved");
    }

    @Test
    void a_settling_order_is_executing_on_blockchain() {
        assertThat(OrderStatusMessages.describe("SETTLING", null, null, null)).isEqualTo("Executing on blockchain");
    }

    @Nested
    class A_confirming_order {

        @Test
        void counts_its_confirmations_against_the_required_ones() {
            assertThat(OrderStatusMessages.describe("CONFIRMING", 1, 3, null)).isEqualTo("Confirming 1/3");
            assertThat(OrderStatusMessages.describe("CONFIRMING", 2, 3, null)).isEqualTo("Confirming 2/3");
            assertThat(OrderStatusMessages.describe("CONFIRMING", 3, 3, null)).isEqualTo("Confirming 3/3");
            assertThat(OrderStatusMessages.describe("CONFIRMING", 4, 12, null)).isEqualTo("Confirming 4/12");
        }

        @Test
        void without_counts_still_says_it_is_confirming() {
            assertThat(OrderStatusMessages.describe("CONFIRMING", null, 3, null))
                    .isEqualTo("Confirming on blockchain");
            assertThat(OrderStatusMessages.describe("CONFIRMING", 2, null, null))
                    .isEqualTo("Confirming on blockchain");
        }
    }

    @Test
    void a_completed_order_is_a_completed_trade() {
        assertThat(OrderStatusMessages.describe("COMPLETED", 3, 3, null)).isEqualTo("Trade completed");
    }

    @Nested
    class A_failed_order {

        @Test
        void gives_the_reason_and_says_the_funds_are_released() {
            assertThat(OrderStatusMessages.describe("FAILED", null, null, "Transfer refused: address frozen"))
                    .isEqualTo("Failed: Transfer refused: address frozen — funds released");
        }

        @Test
        void without_a_reason_still_says_the_funds_are_released() {
            assertThat(OrderStatusMessages.describe("FAILED", null, null, null)).isEqualTo("Failed — funds released");
            assertThat(OrderStatusMessages.describe("FAILED", null, null, "  ")).isEqualTo("Failed — funds released");
        }
    }

    @Test
    void a_status_this_service_does_not_know_yet_is_shown_as_it_is() {
        assertThat(OrderStatusMessages.describe("CANCELLED", null, null, null)).isEqualTo("Order status: CANCELLED");
    }
}
