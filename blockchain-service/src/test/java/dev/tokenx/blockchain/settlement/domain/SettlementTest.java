package dev.tokenx.blockchain.settlement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenx.blockchain.settlement.domain.SettlementChange.Confirmed;
import dev.tokenx.blockchain.settlement.domain.SettlementChange.Confirming;
import dev.tokenx.blockchain.settlement.domain.SettlementChange.Failed;
import dev.tokenx.blockchain.settlement.domain.SettlementChange.Submitted;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SettlementTest {

    private static final String TX = "0x" + "ab".repeat(32);
    private static final Instant SIGNED_AT = Instant.parse("2026-11-26T05:00:00Z");
    private static final Transfer TRANSFER = new Transfer(
            "BLRTECH",
            "0x5FbDB2315678afecb367f032d93F642f64180aa3",
            "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720",
            "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
            10);

    private static Settlement signed() {
        return Settlement.signed(
                UUID.randomUUID(),
                UUID.randomUUID(),
                Optional.of("req-1"),
                TRANSFER,
                new SignedTransfer("0x14dC79964da2C08b23698B3D3cc7Ca32193d9955", 7, TX, "0x02f8"),
                SIGNED_AT);
    }

    private static Settlement submitted() {
        return signed().broadcast(SIGNED_AT.plusMillis(5)).settlement();
    }

    private static Settlement confirming(long minedBlock, long head) {
        return submitted().mined(minedBlock, head, 3).settlement();
    }

    @Nested
    class when_signed {

        @Test
        void announces_its_transaction_and_nonce_the_first_time_it_is_broadcast() {
            Transition broadcast = signed().broadcast(SIGNED_AT.plusSeconds(1));

            assertThat(broadcast.changes()).containsExactly(new Submitted(TX, 7));
            assertThat(broadcast.settlement().status()).isEqualTo(SettlementStatus.SUBMITTED);
            assertThat(broadcast.settlement().lastSentAt()).contains(SIGNED_AT.plusSeconds(1));
        }

        @Test
        void
                announces_its_submission_before_its_first_confirmation_when_found_mined_before_its_broadcast_was_recorded() {
            Transition mined = signed().mined(100, 100, 3);

            assertThat(mined.changes()).containsExactly(new Submitted(TX, 7), new Confirming(TX, 100, 1, 3));
        }

        @Test
        void keeps_addresses_and_hashes_in_lower_case() {
            Settlement settlement = signed();

            assertThat(settlement.transfer().to()).isEqualTo("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
            assertThat(settlement.signed().orElseThrow().sender())
                    .isEqualTo("0x14dc79964da2c08b23698b3d3cc7ca32193d9955");
        }
    }

    @Nested
    class when_submitted {

        @Test
        void announces_nothing_when_sent_again_but_remembers_when() {
            Transition again = submitted().broadcast(SIGNED_AT.plusSeconds(30));

            assertThat(again.changes()).isEmpty();
            assertThat(again.settlement().status()).isEqualTo(SettlementStatus.SUBMITTED);
            assertThat(again.settlement().lastSentAt()).contains(SIGNED_AT.plusSeconds(30));
        }

        @Test
        void counts_its_own_block_as_the_first_confirmation() {
            Transition mined = submitted().mined(100, 100, 3);

            assertThat(mined.changes()).containsExactly(new Confirming(TX, 100, 1, 3));
            assertThat(mined.settlement().status()).isEqualTo(SettlementStatus.CONFIRMING);
            assertThat(mined.settlement().minedBlock()).hasValue(100);
        }

        @Test
        void fails_with_the_reason_and_its_transaction_when_it_reverted() {
            Transition reverted = submitted().reverted("Recipient address is frozen");

            assertThat(reverted.changes()).containsExactly(new Failed(Optional.of(TX), "Recipient address is frozen"));
            assertThat(reverted.settlement().status()).isEqualTo(SettlementStatus.FAILED);
            assertThat(reverted.settlement().failureReason()).contains("Recipient address is frozen");
        }

        @Test
        void is_confirmed_at_once_when_one_confirmation_is_enough() {
            Transition mined = submitted().mined(100, 100, 1);

            assertThat(mined.changes()).containsExactly(new Confirmed(TX, 100, 1));
            assertThat(mined.settlement().status()).isEqualTo(SettlementStatus.CONFIRMED);
        }
    }

    @Test
    void keeps_an_absurdly_long_revert_reason_of_a_mined_transaction_bounded() {
        Transition reverted = submitted().reverted("r".repeat(100_000));

        assertThat(reverted.settlement().failureReason())
                .hasValueSatisfying(reason -> assertThat(reason).hasSize(500));
        assertThat(reverted.changes())
                .last()
                .isEqualTo(new Failed(
                        Optional.of(TX), reverted.settlement().failureReason().orElseThrow()));
    }

    @Nested
    class when_its_batch_reverted_because_of_another_order {

        private static final String NEXT_TX = "0x" + "cd".repeat(32);
        private static final SignedTransfer NEXT =
                new SignedTransfer("0x14dC79964da2C08b23698B3D3cc7Ca32193d9955", 9, NEXT_TX, "0x02f9");

        @Test
        void is_signed_again_in_a_new_transaction_and_announces_it_when_that_one_is_sent() {
            Transition resigned = submitted().resigned(NEXT, SIGNED_AT.plusSeconds(3));

            assertThat(resigned.changes()).isEmpty();
            assertThat(resigned.settlement().status()).isEqualTo(SettlementStatus.SIGNED);
            assertThat(resigned.settlement().signed()).contains(NEXT);
            assertThat(resigned.settlement().lastSentAt()).contains(SIGNED_AT.plusSeconds(3));
            assertThat(resigned.settlement().broadcast(SIGNED_AT.plusSeconds(4)).changes())
                    .containsExactly(new Submitted(NEXT_TX, 9));
        }

        @Test
        void is_never_signed_again_under_the_transaction_it_has() {
            SignedTransfer same = submitted().signed().orElseThrow();

            assertThatThrownBy(() -> submitted().resigned(same, SIGNED_AT))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void is_never_signed_again_once_mined_or_failed() {
            assertThatThrownBy(() -> confirming(100, 100).resigned(NEXT, SIGNED_AT))
                    .isInstanceOf(SettlementTransitionNotAllowed.class);
            assertThatThrownBy(() -> submitted().reverted("frozen").settlement().resigned(NEXT, SIGNED_AT))
                    .isInstanceOf(SettlementTransitionNotAllowed.class);
        }
    }

    @Nested
    class while_confirming {

        @Test
        void announces_each_new_confirmation_then_the_confirmation_itself() {
            Settlement atOne = confirming(100, 100);

            Transition atTwo = atOne.observe(101, 3);
            Transition atThree = atTwo.settlement().observe(102, 3);

            assertThat(atTwo.changes()).containsExactly(new Confirming(TX, 100, 2, 3));
            assertThat(atThree.changes()).containsExactly(new Confirmed(TX, 100, 3));
            assertThat(atThree.settlement().status()).isEqualTo(SettlementStatus.CONFIRMED);
        }

        @Test
        void announces_every_count_it_skipped_in_order() {
            Transition jumped = confirming(100, 100).observe(105, 5);

            assertThat(jumped.changes())
                    .containsExactly(
                            new Confirming(TX, 100, 2, 5),
                            new Confirming(TX, 100, 3, 5),
                            new Confirming(TX, 100, 4, 5),
                            new Confirmed(TX, 100, 6));
        }

        @Test
        void announces_nothing_for_a_head_it_has_already_counted() {
            Settlement atTwo = confirming(100, 101);

            assertThat(atTwo.observe(101, 3).changes()).isEmpty();
            assertThat(atTwo.observe(99, 3).changes())
                    .as("a node that is behind")
                    .isEmpty();
        }

        @Test
        void cannot_be_mined_again_or_revert() {
            Settlement mined = confirming(100, 100);

            assertThatThrownBy(() -> mined.mined(101, 101, 3)).isInstanceOf(SettlementTransitionNotAllowed.class);
            assertThatThrownBy(() -> mined.reverted("late")).isInstanceOf(SettlementTransitionNotAllowed.class);
            assertThatThrownBy(() -> mined.broadcast(SIGNED_AT)).isInstanceOf(SettlementTransitionNotAllowed.class);
        }
    }

    @Nested
    class when_refused_before_signing {

        @Test
        void fails_without_a_transaction() {
            Transition refused = Settlement.refused(
                    UUID.randomUUID(), UUID.randomUUID(), Optional.empty(), TRANSFER, "Recipient address is frozen");

            assertThat(refused.changes()).containsExactly(new Failed(Optional.empty(), "Recipient address is frozen"));
            assertThat(refused.settlement().signed()).isEmpty();
            assertThat(refused.settlement().status()).isEqualTo(SettlementStatus.FAILED);
        }

        @Test
        void keeps_an_absurdly_long_reason_from_the_chain_to_what_the_row_and_every_consumer_can_hold() {
            String absurd = "The transfer would revert: " + "x".repeat(100_000);

            Transition refused =
                    Settlement.refused(UUID.randomUUID(), UUID.randomUUID(), Optional.empty(), TRANSFER, absurd);

            String reason = refused.settlement().failureReason().orElseThrow();
            assertThat(reason)
                    .hasSize(500)
                    .startsWith("The transfer would revert: xxx")
                    .endsWith("…");
            assertThat(refused.changes()).containsExactly(new Failed(Optional.empty(), reason));
        }

        @Test
        void never_cuts_a_character_in_half() {
            String reason = Settlement.refused(
                            UUID.randomUUID(), UUID.randomUUID(), Optional.empty(), TRANSFER, "😀".repeat(400))
                    .settlement()
                    .failureReason()
                    .orElseThrow();

            assertThat(reason).hasSizeLessThanOrEqualTo(500).endsWith("😀…");
        }

        @Test
        void has_nothing_to_send_or_count() {
            Settlement refused = Settlement.refused(
                            UUID.randomUUID(), UUID.randomUUID(), Optional.empty(), TRANSFER, "frozen")
                    .settlement();

            assertThatThrownBy(() -> refused.broadcast(SIGNED_AT)).isInstanceOf(SettlementTransitionNotAllowed.class);
            assertThatThrownBy(() -> refused.observe(100, 3)).isInstanceOf(SettlementTransitionNotAllowed.class);
        }
    }

    @Nested
    class a_transfer {

        @Test
        void moves_at_least_one_token_between_addresses() {
            assertThatThrownBy(() -> new Transfer("X", TRANSFER.contract(), TRANSFER.from(), TRANSFER.to(), 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Transfer("X", TRANSFER.contract(), TRANSFER.from(), "0x1234", 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
