package dev.tokenx.orders.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenx.orders.shared.money.Inr;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HoldSettlementTest {

    private static final UUID ORDER = UUID.randomUUID();
    private static final UUID INVESTOR = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-11-26T10:15:30Z");

    @Nested
    class capturing_a_hold {

        @Test
        void pays_the_value_to_the_treasury_and_each_fee_to_its_account_from_the_held_cash() {
            HoldSettlement capture = HoldSettlement.capture(
                    UUID.randomUUID(), ORDER, INVESTOR, Inr.of("2000.00"), Inr.of("20.00"), Inr.of("5.00"), AT);

            assertThat(capture.outcome()).isEqualTo(HoldStatus.CAPTURED);
            assertThat(capture.heldAmount()).isEqualTo(Inr.of("2025.00"));
            assertThat(capture.entry().kind()).isEqualTo(EntryKind.FUNDS_CAPTURE);
            assertThat(capture.entry().orderId()).contains(ORDER);
            assertThat(capture.entry().postings())
                    .containsExactlyInAnyOrder(
                            new Posting(LedgerAccountCode.cashHeld(INVESTOR), Inr.of("-2025.00")),
                            new Posting(LedgerAccountCode.TREASURY_PROCEEDS, Inr.of("2000.00")),
                            new Posting(LedgerAccountCode.PLATFORM_FEES, Inr.of("20.00")),
                            new Posting(LedgerAccountCode.GAS_FEES, Inr.of("5.00")));
        }

        @Test
        void leaves_out_a_fee_of_zero() {
            HoldSettlement capture = HoldSettlement.capture(
                    UUID.randomUUID(), ORDER, INVESTOR, Inr.of("2000.00"), Inr.ZERO, Inr.of("5.00"), AT);

            assertThat(capture.entry().postings())
                    .extracting(Posting::account)
                    .doesNotContain(LedgerAccountCode.PLATFORM_FEES);
        }
    }

    @Nested
    class releasing_a_hold {

        @Test
        void returns_all_of_the_held_cash_to_the_available_cash() {
            HoldSettlement release = HoldSettlement.release(UUID.randomUUID(), ORDER, INVESTOR, Inr.of("2025.00"), AT);

            assertThat(release.outcome()).isEqualTo(HoldStatus.RELEASED);
            assertThat(release.entry().kind()).isEqualTo(EntryKind.FUNDS_RELEASE);
            assertThat(release.entry().postings())
                    .containsExactlyInAnyOrder(
                            new Posting(LedgerAccountCode.cashHeld(INVESTOR), Inr.of("-2025.00")),
                            new Posting(LedgerAccountCode.cashAvailable(INVESTOR), Inr.of("2025.00")));
        }
    }

    @Test
    void is_never_left_held() {
        JournalEntry entry = HoldSettlement.release(UUID.randomUUID(), ORDER, INVESTOR, Inr.of("1.00"), AT)
                .entry();

        assertThatThrownBy(() -> new HoldSettlement(ORDER, HoldStatus.HELD, Inr.of("1.00"), entry))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
