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
import java.util.Optional;
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
    class settling_on_chain {

        private static final String TX = "0x9f2c4e6a8b0d1f3e5c7a9b1d3f5e7c9a1b3d5f7e9c1a3b5d7f9e1c3a5b7d9f1e";
        private final Instant later = PLACED_AT.plusSeconds(30);

        private Order settling() {
            return anAcceptedOrder().settling(TX, later).orElseThrow();
        }

        private Order confirming(int count) {
            return settling().confirming(TX, new Confirmations(count, 3), later).orElseThrow();
        }

        @Nested
        class when_the_transaction_is_broadcast {

            @Test
            void moves_an_accepted_order_to_settling_with_the_transaction_hash() {
                Order settling = settling();

                assertThat(settling.status()).isEqualTo(OrderStatus.SETTLING);
                assertThat(settling.txHash()).contains(TX);
                assertThat(settling.confirmations()).isEmpty();
            }

            @Test
            void keeps_its_creation_time_and_records_the_time_of_the_change() {
                Order settling = settling();

                assertThat(settling.createdAt()).isEqualTo(PLACED_AT);
                assertThat(settling.updatedAt()).isEqualTo(later);
            }

            @Test
            void leaves_the_order_it_moved_from_untouched() {
                Order accepted = anAcceptedOrder();

                accepted.settling(TX, later);

                assertThat(accepted.status()).isEqualTo(OrderStatus.ACCEPTED);
                assertThat(accepted.txHash()).isEmpty();
            }

            @Test
            void ignores_the_news_once_the_order_is_past_settling() {
                assertThat(settling().settling(TX, later)).isEmpty();
                assertThat(confirming(1).settling(TX, later)).isEmpty();
                assertThat(confirming(1).complete(TX, 3, later).orElseThrow().settling(TX, later))
                        .isEmpty();
            }

            @Test
            void refuses_a_transaction_without_a_hash() {
                assertThatThrownBy(() -> anAcceptedOrder().settling(" ", later))
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }

        @Nested
        class when_confirmations_arrive {

            @Test
            void records_n_of_m_confirmations() {
                Order confirming = confirming(1);

                assertThat(confirming.status()).isEqualTo(OrderStatus.CONFIRMING);
                assertThat(confirming.confirmations()).contains(new Confirmations(1, 3));
                assertThat(confirming.txHash()).contains(TX);
            }

            @Test
            void records_each_higher_count() {
                Order twice = confirming(1)
                        .confirming(TX, new Confirmations(2, 3), later)
                        .orElseThrow();

                assertThat(twice.confirmations()).contains(new Confirmations(2, 3));
            }

            @Test
            void ignores_a_repeated_or_stale_count() {
                Order atTwo = confirming(2);

                assertThat(atTwo.confirming(TX, new Confirmations(2, 3), later)).isEmpty();
                assertThat(atTwo.confirming(TX, new Confirmations(1, 3), later)).isEmpty();
            }

            @Test
            void may_arrive_before_the_broadcast_was_reported() {
                Order confirming = anAcceptedOrder()
                        .confirming(TX, new Confirmations(1, 3), later)
                        .orElseThrow();

                assertThat(confirming.status()).isEqualTo(OrderStatus.CONFIRMING);
                assertThat(confirming.txHash()).contains(TX);
            }

            @Test
            void ignores_confirmations_of_a_finished_order() {
                Order failed =
                        confirming(1).fail("reorg", Optional.empty(), later).orElseThrow();

                assertThat(failed.confirming(TX, new Confirmations(2, 3), later))
                        .isEmpty();
            }
        }

        @Nested
        class when_the_transaction_is_final {

            @Test
            void completes_a_confirming_order_with_its_final_count() {
                Order completed = confirming(2).complete(TX, 3, later).orElseThrow();

                assertThat(completed.status()).isEqualTo(OrderStatus.COMPLETED);
                assertThat(completed.confirmations()).contains(new Confirmations(3, 3));
                assertThat(completed.failureReason()).isEmpty();
            }

            @Test
            void completes_an_order_whose_confirmations_were_not_reported_one_by_one() {
                Order completed = settling().complete(TX, 3, later).orElseThrow();

                assertThat(completed.status()).isEqualTo(OrderStatus.COMPLETED);
                assertThat(completed.confirmations()).contains(new Confirmations(3, 3));
            }

            @Test
            void ignores_a_repeated_completion() {
                Order completed = confirming(2).complete(TX, 3, later).orElseThrow();

                assertThat(completed.complete(TX, 3, later)).isEmpty();
            }

            @Test
            void refuses_to_complete_a_failed_order() {
                Order failed =
                        settling().fail("reverted", Optional.empty(), later).orElseThrow();

                assertThatThrownBy(() -> failed.complete(TX, 3, later))
                        .isInstanceOfSatisfying(OrderAlreadyFinished.class, conflict -> {
                            assertThat(conflict.current()).isEqualTo(OrderStatus.FAILED);
                            assertThat(conflict.requested()).isEqualTo(OrderStatus.COMPLETED);
                        });
            }
        }

        @Nested
        class when_settlement_fails {

            @Test
            void fails_an_order_from_any_open_status_and_keeps_the_reason() {
                assertThat(anAcceptedOrder()
                                .fail("chain down", Optional.empty(), later)
                                .orElseThrow()
                                .failureReason())
                        .contains("chain down");
                assertThat(settling()
                                .fail("reverted", Optional.of(TX), later)
                                .orElseThrow()
                                .status())
                        .isEqualTo(OrderStatus.FAILED);
                assertThat(confirming(2)
                                .fail("reorg", Optional.empty(), later)
                                .orElseThrow()
                                .txHash())
                        .as("the hash of the transaction that was being confirmed")
                        .contains(TX);
            }

            @Test
            void keeps_an_absurdly_long_reason_to_what_the_order_can_hold() {
                String absurd = "The transfer would revert: " + "x".repeat(100_000);

                assertThat(settling()
                                .fail(absurd, Optional.of(TX), later)
                                .orElseThrow()
                                .failureReason())
                        .hasValueSatisfying(reason -> assertThat(reason)
                                .hasSize(500)
                                .startsWith("The transfer would revert: xxx")
                                .endsWith("…"));
            }

            @Test
            void ignores_a_repeated_failure() {
                Order failed = anAcceptedOrder()
                        .fail("refused", Optional.empty(), later)
                        .orElseThrow();

                assertThat(failed.fail("refused", Optional.empty(), later)).isEmpty();
            }

            @Test
            void refuses_to_fail_a_completed_order() {
                Order completed = confirming(2).complete(TX, 3, later).orElseThrow();

                assertThatThrownBy(() -> completed.fail("too late", Optional.empty(), later))
                        .isInstanceOfSatisfying(OrderAlreadyFinished.class, conflict -> {
                            assertThat(conflict.current()).isEqualTo(OrderStatus.COMPLETED);
                            assertThat(conflict.requested()).isEqualTo(OrderStatus.FAILED);
                            assertThat(conflict.orderId()).isEqualTo(completed.id());
                        });
            }

            @Test
            void cannot_fail_without_a_reason() {
                assertThatThrownBy(() -> anAcceptedOrder().fail(" ", Optional.empty(), later))
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }
}
