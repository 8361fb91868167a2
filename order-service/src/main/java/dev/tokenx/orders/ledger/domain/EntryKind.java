package dev.tokenx.orders.ledger.domain;

/** Why money moved. */
public enum EntryKind {
    /** Money entered the platform for an investor. */
    DEPOSIT,
    /** An investor's available cash was reserved for an order. */
    FUNDS_HOLD
}
