package dev.tokenx.orders.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenx.orders.shared.money.Inr;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JournalEntryTest {

    private static final UUID USER = UUID.fromString("a11ce000-0000-4000-8000-000000000001");
    private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");
    private static final LedgerAccountCode FUNDING = new LedgerAccountCode("platform:funding");

    private static JournalEntry entry(Posting... postings) {
        return new JournalEntry(UUID.randomUUID(), EntryKind.DEPOSIT, Optional.empty(), List.of(postings), AT);
    }

    private static Posting posting(LedgerAccountCode account, String amount) {
        return new Posting(account, Inr.of(amount));
    }

    @Nested
    class a_journal_entry {

        @Test
        void balances_when_its_postings_sum_to_zero() {
            JournalEntry deposit = entry(
                    posting(FUNDING, "-1000000.00"), posting(LedgerAccountCode.cashAvailable(USER), "1000000.00"));

            assertThat(deposit.postings()).hasSize(2);
        }

        @Test
        void may_spread_over_more_than_two_accounts() {
            JournalEntry split = entry(
                    posting(FUNDING, "-100.00"),
                    posting(LedgerAccountCode.cashAvailable(USER), "60.00"),
                    posting(LedgerAccountCode.cashHeld(USER), "40.00"));

            assertThat(split.postings()).hasSize(3);
        }

        @Test
        void refuses_to_create_or_destroy_money() {
            assertThatThrownBy(() ->
                            entry(posting(FUNDING, "-100.00"), posting(LedgerAccountCode.cashAvailable(USER), "99.99")))
                    .isInstanceOf(UnbalancedJournalEntry.class)
                    .hasMessageContaining("-0.01");
        }

        @Test
        void needs_at_least_two_postings() {
            assertThatThrownBy(() -> entry(posting(FUNDING, "-100.00"))).isInstanceOf(UnbalancedJournalEntry.class);
        }

        @Test
        void posts_to_each_account_once() {
            assertThatThrownBy(() -> entry(posting(FUNDING, "-100.00"), posting(FUNDING, "100.00")))
                    .isInstanceOf(UnbalancedJournalEntry.class);
        }

        @Test
        void cannot_be_changed_after_creation() {
            JournalEntry deposit =
                    entry(posting(FUNDING, "-1.00"), posting(LedgerAccountCode.cashAvailable(USER), "1.00"));

            assertThatThrownBy(() -> deposit.postings().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class a_posting {

        @Test
        void moves_money() {
            assertThatThrownBy(() -> posting(FUNDING, "0.00")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class a_funds_hold {

        private final UUID orderId = UUID.randomUUID();

        @Test
        void moves_the_amount_from_available_to_held_cash() {
            FundsHold hold =
                    FundsHold.place(UUID.randomUUID(), UUID.randomUUID(), orderId, USER, Inr.of("1015.00"), AT);

            assertThat(hold.entry().kind()).isEqualTo(EntryKind.FUNDS_HOLD);
            assertThat(hold.entry().orderId()).contains(orderId);
            assertThat(hold.entry().postings())
                    .containsExactly(
                            posting(LedgerAccountCode.cashAvailable(USER), "-1015.00"),
                            posting(LedgerAccountCode.cashHeld(USER), "1015.00"));
        }

        @Test
        void reserves_a_positive_amount() {
            assertThatThrownBy(() ->
                            FundsHold.place(UUID.randomUUID(), UUID.randomUUID(), orderId, USER, Inr.of("-1.00"), AT))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class account_codes {

        @Test
        void name_a_users_available_and_held_cash() {
            assertThat(LedgerAccountCode.cashAvailable(USER).value())
                    .isEqualTo("user:a11ce000-0000-4000-8000-000000000001:cash:available");
            assertThat(LedgerAccountCode.cashHeld(USER).value())
                    .isEqualTo("user:a11ce000-0000-4000-8000-000000000001:cash:held");
        }

        @Test
        void refuse_anything_that_is_not_a_code() {
            assertThatThrownBy(() -> new LedgerAccountCode("user; DROP TABLE postings"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
