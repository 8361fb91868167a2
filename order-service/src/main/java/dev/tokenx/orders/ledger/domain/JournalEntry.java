package dev.tokenx.orders.ledger.domain;

import dev.tokenx.orders.shared.money.Inr;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A balanced set of postings recorded together: its amounts sum to zero and each account appears once. The
 * database checks the same rule when the transaction commits, so an entry written by any other path is held to it
 * too.
 *
 * @param orderId the order that caused the movement, if any
 */
public record JournalEntry(
        UUID id, EntryKind kind, Optional<UUID> orderId, List<Posting> postings, Instant recordedAt) {

    public JournalEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(recordedAt, "recordedAt");
        postings = List.copyOf(postings);
        if (postings.size() < 2) {
            throw new UnbalancedJournalEntry("Journal entry " + id + " needs at least two postings");
        }
        if (postings.stream().map(Posting::account).distinct().count() != postings.size()) {
            throw new UnbalancedJournalEntry("Journal entry " + id + " posts to one account twice");
        }
        Inr sum = postings.stream().map(Posting::amount).reduce(Inr.ZERO, Inr::plus);
        if (!sum.isZero()) {
            throw new UnbalancedJournalEntry("Journal entry " + id + " is off balance by " + sum + " INR");
        }
    }
}
