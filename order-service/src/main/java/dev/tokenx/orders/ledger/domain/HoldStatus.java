package dev.tokenx.orders.ledger.domain;

/** Where a funds hold stands: reserved until its order settles one way or the other. */
public enum HoldStatus {
    HELD,
    CAPTURED,
    RELEASED
}
