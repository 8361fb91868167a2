package dev.tokenx.blockchain.settlement.domain;

import java.util.UUID;

/** A transition asked of a settlement in a state that does not allow it. */
public class SettlementTransitionNotAllowed extends IllegalStateException {

    public SettlementTransitionNotAllowed(UUID orderId, SettlementStatus status, String transition) {
        super("Settlement of order " + orderId + " cannot " + transition + " while " + status);
    }
}
