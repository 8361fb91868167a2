package dev.tokenx.orders.order.domain;

import static dev.tokenx.orders.order.domain.PlacementFixtures.PLACED_AT;
import static dev.tokenx.orders.order.domain.PlacementFixtures.TRADER_ID;
import static dev.tokenx.orders.order.domain.PlacementFixtures.WALLET;
import static dev.tokenx.orders.order.domain.PlacementFixtures.aTraderWhoseKycIs;
import static dev.tokenx.orders.order.domain.PlacementFixtures.aVerifiedTrader;
import static dev.tokenx.orders.order.domain.PlacementFixtures.aVerifiedTraderWithoutWallet;
import static dev.tokenx.orders.order.domain.PlacementFixtures.anAcceptedOrder;
import static dev.tokenx.orders.order.domain.PlacementFixtures.listed;
import static dev.tokenx.orders.order.domain.PlacementFixtures.place;
import static dev.tokenx.orders.order.domain.PlacementFixtures.unlisted;
import static dev.tokenx.orders.order.domain.TicketBuilder.aTicket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenx.orders.account.domain.KycStatus;
import dev.tokenx.orders.shared.money.Inr;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderTest {

    @Nested
    class placing_an_order {

        @Test
        void accepts_a_buy_from_a_verified_trader_at_the_listed_price() {
            Order order = place(aVerifiedTrader(), aTicket().buy(3).of("MUMSEA").build(), listed("MUMSEA", "2500.00"));

            assertThat(order.status()).isEqualTo(OrderStatus.ACCEPTED);
            assertThat(order.userId()).isEqualTo(TRADER_ID);
            assertThat(order.tokenSymbol()).isEqualTo("MUMSEA");
            assertThat(order.side()).isEqualTo(Side.BUY);
            assertThat(order.quantity()).isEqualTo(3);
            assertThat(order.price()).isEqualTo(Inr.of("2500.00"));
            assertThat(order.createdAt()).isEqualTo(PLACED_AT);
            assertThat(order.updatedAt()).isEqualTo(PLACED_AT);
        }

        @Test
        void charges_one_percent_of_the_value_plus_the_gas_fee_on_top_of_the_value() {
            Order order = place(aVerifiedTrader(), aTicket().buy(3).build(), listed("BLRTECH", "1000.00"));

            assertThat(order.value()).isEqualTo(Inr.of("3000.00"));
            assertThat(order.fees().platformFee()).isEqualTo(Inr.of("30.00"));
            assertThat(order.fees().gasFee()).isEqualTo(Inr.of("5.00"));
            assertThat(order.total()).isEqualTo(Inr.of("3035.00"));
        }

        @Test
        void rounds_the_platform_fee_half_up_to_the_paisa() {
            Order order = place(aVerifiedTrader(), aTicket().buy(1).of("PENNY").build(), listed("PENNY", "0.50"));

            assertThat(order.fees().platformFee()).isEqualTo(Inr.of("0.01"));
            assertThat(order.total()).isEqualTo(Inr.of("5.51"));
        }

        @Test
        void delivers_to_the_wallet_the_trader_has_when_placing() {
            Order order = place(aVerifiedTrader(), aTicket().build(), listed("BLRTECH", "1000.00"));

            assertThat(order.walletAddress()).isEqualTo(WALLET);
        }

        @Test
        void accepts_a_price_equal_to_the_limit() {
            Order order =
                    place(aVerifiedTrader(), aTicket().withLimit("1000.00").build(), listed("BLRTECH", "1000.00"));

            assertThat(order.limitPrice()).contains(Inr.of("1000.00"));
        }

        @Test
        void rejects_an_order_when_the_price_is_above_the_limit() {
            assertThatThrownBy(() -> place(
                            aVerifiedTrader(), aTicket().withLimit("999.99").build(), listed("BLRTECH", "1000.00")))
                    .isInstanceOf(PriceAboveLimit.class)
                    .hasMessageContaining("1000.00")
                    .hasMessageContaining("999.99");
        }

        @ParameterizedTest
        @EnumSource(value = KycStatus.class, names = "VERIFIED", mode = EnumSource.Mode.EXCLUDE)
        void rejects_an_order_when_kyc_is_not_verified(KycStatus status) {
            assertThatThrownBy(() -> place(aTraderWhoseKycIs(status), aTicket().build(), listed("BLRTECH", "1000.00")))
                    .isInstanceOf(KycRequired.class)
                    .hasMessageContaining(status.name());
        }

        @Test
        void rejects_a_verified_trader_without_a_wallet_to_settle_to() {
            assertThatThrownBy(() ->
                            place(aVerifiedTraderWithoutWallet(), aTicket().build(), listed("BLRTECH", "1000.00")))
                    .isInstanceOf(KycRequired.class)
                    .hasMessageContaining("wallet");
        }

        @Test
        void rejects_an_unlisted_token() {
            assertThatThrownBy(
                            () -> place(aVerifiedTrader(), aTicket().of("NOPE").build(), unlisted("NOPE")))
                    .isInstanceOf(UnknownToken.class)
                    .hasMessageContaining("NOPE");
        }

        @Test
        void rejects_a_sell_order_for_now() {
            assertThatThrownBy(() -> place(aVerifiedTrader(), aTicket().sell(1).build(), listed("BLRTECH", "1000.00")))
                    .isInstanceOf(SideNotSupported.class);
        }

        @Test
        void checks_the_side_before_kyc() {
            assertThatThrownBy(() -> place(
                            aTraderWhoseKycIs(KycStatus.PENDING),
                            aTicket().sell(1).build(),
                            unlisted("BLRTECH")))
                    .isInstanceOf(SideNotSupported.class);
        }

        @Test
        void checks_kyc_before_the_listing() {
            assertThatThrownBy(() -> place(
                            aTraderWhoseKycIs(KycStatus.PENDING), aTicket().build(), unlisted("NOPE")))
                    .isInstanceOf(KycRequired.class);
        }

        @Test
        void checks_the_listing_before_the_limit() {
            assertThatThrownBy(() -> place(
                            aVerifiedTrader(),
                            aTicket().of("NOPE").withLimit("0.01").build(),
                            unlisted("NOPE")))
                    .isInstanceOf(UnknownToken.class);
        }
    }

    @Nested
    class a_ticket {

        @Test
        void holds_between_one_and_a_million_whole_tokens() {
            assertThat(aTicket().buy(1).build().quantity()).isEqualTo(1);
            assertThat(aTicket().buy(1_000_000).build().quantity()).isEqualTo(1_000_000);
            assertThatThrownBy(() -> aTicket().buy(0).build()).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> aTicket().buy(1_000_001).build()).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void refuses_a_limit_that_is_not_positive() {
            assertThatThrownBy(() -> aTicket().withLimit("0.00").build()).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class its_lifecycle {

        private final Instant later = PLACED_AT.plusSeconds(30);

        @Test
        void runs_from_accepted_through_settling_and_confirming_to_completed() {
            Order completed = anAcceptedOrder()
                    .startSettling(later)
                    .confirming(later)
                    .confirming(later)
                    .complete(later);

            assertThat(completed.status()).isEqualTo(OrderStatus.COMPLETED);
            assertThat(completed.failureReason()).isEmpty();
        }

        @Test
        void keeps_its_creation_time_and_records_the_time_of_each_change() {
            Order settling = anAcceptedOrder().startSettling(later);

            assertThat(settling.createdAt()).isEqualTo(PLACED_AT);
            assertThat(settling.updatedAt()).isEqualTo(later);
        }

        @Test
        void leaves_the_order_it_moved_from_untouched() {
            Order accepted = anAcceptedOrder();

            accepted.startSettling(later);

            assertThat(accepted.status()).isEqualTo(OrderStatus.ACCEPTED);
        }

        @Test
        void may_fail_while_accepted_settling_or_confirming_and_keeps_the_reason() {
            Order accepted = anAcceptedOrder();

            assertThat(accepted.fail("chain down", later).failureReason()).contains("chain down");
            assertThat(accepted.startSettling(later).fail("reverted", later).status())
                    .isEqualTo(OrderStatus.FAILED);
            assertThat(accepted.startSettling(later)
                            .confirming(later)
                            .fail("reorg", later)
                            .status())
                    .isEqualTo(OrderStatus.FAILED);
        }

        @Test
        void cannot_fail_without_a_reason() {
            assertThatThrownBy(() -> anAcceptedOrder().fail(" ", later)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void cannot_skip_settling() {
            assertThatThrownBy(() -> anAcceptedOrder().confirming(later))
                    .isInstanceOf(OrderTransitionNotAllowed.class)
                    .hasMessageContaining("ACCEPTED")
                    .hasMessageContaining("CONFIRMING");
        }

        @Test
        void cannot_complete_before_any_confirmation() {
            assertThatThrownBy(() -> anAcceptedOrder().startSettling(later).complete(later))
                    .isInstanceOf(OrderTransitionNotAllowed.class);
        }

        @Test
        void cannot_start_settling_twice() {
            assertThatThrownBy(() -> anAcceptedOrder().startSettling(later).startSettling(later))
                    .isInstanceOf(OrderTransitionNotAllowed.class);
        }

        @Test
        void does_not_move_once_completed() {
            Order completed =
                    anAcceptedOrder().startSettling(later).confirming(later).complete(later);

            assertThatThrownBy(() -> completed.fail("too late", later))
                    .isInstanceOfSatisfying(OrderAlreadyFinished.class, conflict -> {
                        assertThat(conflict.current()).isEqualTo(OrderStatus.COMPLETED);
                        assertThat(conflict.requested()).isEqualTo(OrderStatus.FAILED);
                        assertThat(conflict.orderId()).isEqualTo(completed.id());
                    });
        }

        @Test
        void does_not_move_once_failed() {
            Order failed = anAcceptedOrder().fail("refused", later);

            assertThatThrownBy(() -> failed.startSettling(later)).isInstanceOf(OrderAlreadyFinished.class);
            assertThatThrownBy(() -> failed.fail("again", later)).isInstanceOf(OrderAlreadyFinished.class);
        }
    }
}
