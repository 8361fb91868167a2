package dev.tokenx.orders.ledger.domain;

import dev.tokenx.orders.shared.money.Inr;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * How an order's funds hold ends: captured (the held cash pays the treasury for the tokens and the platform its
 * fees) or released (the held cash returns to the investor's available cash). Either empties the hold in one
 * balanced entry.
 *
 * @param heldAmount what the hold reserved; the entry takes exactly this out of the investor's held cash
 */
public record HoldSettlement(UUID orderId, HoldStatus outcome, Inr heldAmount, JournalEntry entry) {

    public HoldSettlement {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(heldAmount, "heldAmount");
        Objects.requireNonNull(entry, "entry");
        if (outcome == HoldStatus.HELD) {
            throw new IllegalArgumentException("A settled hold is captured or released");
        }
    }

    /** The order settled: value to the treasury's proceeds, fees to their accounts. */
    public static HoldSettlement capture(
            UUID entryId, UUID orderId, UUID userId, Inr value, Inr platformFee, Inr gasFee, Instant at) {
        Inr held = value.plus(platformFee).plus(gasFee);
        List<Posting> postings = new ArrayList<>();
        postings.add(new Posting(LedgerAccountCode.cashHeld(userId), held.negate()));
        // A zero fee (a free promotion, a zero gas setting) moves nothing, and a posting always moves money.
        credit(postings, LedgerAccountCode.TREASURY_PROCEEDS, value);
        credit(postings, LedgerAccountCode.PLATFORM_FEES, platformFee);
        credit(postings, LedgerAccountCode.GAS_FEES, gasFee);
        JournalEntry entry = new JournalEntry(entryId, EntryKind.FUNDS_CAPTURE, Optional.of(orderId), postings, at);
        return new HoldSettlement(orderId, HoldStatus.CAPTURED, held, entry);
    }

    /** The order failed: the whole hold goes back to the investor's available cash. */
    public static HoldSettlement release(UUID entryId, UUID orderId, UUID userId, Inr held, Instant at) {
        JournalEntry entry = new JournalEntry(
                entryId,
                EntryKind.FUNDS_RELEASE,
                Optional.of(orderId),
                List.of(
                        new Posting(LedgerAccountCode.cashHeld(userId), held.negate()),
                        new Posting(LedgerAccountCode.cashAvailable(userId), held)),
                at);
        return new HoldSettlement(orderId, HoldStatus.RELEASED, held, entry);
    }

    private static void credit(List<Posting> postings, LedgerAccountCode account, Inr amount) {
        if (!amount.isZero()) {
            postings.add(new Posting(account, amount));
        }
    }
}
