package dev.tokenx.orders.ledger.domain;

/** Double entry: money is never created or destroyed by an entry, only moved between accounts. */
public final class UnbalancedJournalEntry extends RuntimeException {

    public UnbalancedJournalEntry(String message) {
        super(message);
    }
}
