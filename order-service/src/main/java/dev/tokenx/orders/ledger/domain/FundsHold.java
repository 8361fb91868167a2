package dev.tokenx.orders.ledger.domain;

import dev.tokenx.orders.shared.money.Inr;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Cash reserved for one order: moved from the investor's available account to their held account until
 * settlement captures or releases it.
 */
public record FundsHold(UUID id, UUID orderId, UUID userId, Inr amount, JournalEntry entry) {

    public FundsHold {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(entry, "entry");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A hold reserves a positive amount: " + amount);
        }
    }

    public static FundsHold place(UUID holdId, UUID entryId, UUID orderId, UUID userId, Inr amount, Instant at) {
        JournalEntry entry = new JournalEntry(
                entryId,
                EntryKind.FUNDS_HOLD,
                Optional.of(orderId),
                List.of(
                        new Posting(LedgerAccountCode.cashAvailable(userId), amount.negate()),
                        new Posting(LedgerAccountCode.cashHeld(userId), amount)),
                at);
        return new FundsHold(holdId, orderId, userId, amount, entry);
    }
}
