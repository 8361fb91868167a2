package dev.tokenx.blockchain.settlement.domain;

import java.util.List;

/** A settlement's next state and what happened on the way there, in order. */
public record Transition(Settlement settlement, List<SettlementChange> changes) {

    public Transition {
        changes = List.copyOf(changes);
    }
}
