package dev.tokenx.orders.ledger.domain;

/** Why money moved. */
public enum EntryKind {
    /** Money entered the platform for an investor. */
    DEPOSIT,
    /** An investor's available cash was reserved for an order. */
    FUNDS_HOLD,
    /** A settled order's held cash went to the treasury and the fee accounts. */
    FUNDS_CAPTURE,
    /** A failed order's held cash went back to the investor's available cash. */
    FUNDS_RELEASE
}
