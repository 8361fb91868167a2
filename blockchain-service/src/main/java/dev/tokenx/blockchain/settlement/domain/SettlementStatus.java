package dev.tokenx.blockchain.settlement.domain;

/** Where an order's transfer stands. Only {@link #CONFIRMED} and {@link #FAILED} are final. */
public enum SettlementStatus {
    /** Signed with its nonce and stored; maybe not yet broadcast. */
    SIGNED,
    /** Broadcast; not yet seen in a block. */
    SUBMITTED,
    /** Mined successfully; gathering confirmations. */
    CONFIRMING,
    CONFIRMED,
    FAILED;

    /** Sent (or about to be) and not yet seen in a block: the tracker looks for it and re-sends it. */
    public boolean awaitsMining() {
        return this == SIGNED || this == SUBMITTED;
    }
}
