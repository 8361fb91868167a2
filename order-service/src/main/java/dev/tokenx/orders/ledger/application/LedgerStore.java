package dev.tokenx.orders.ledger.application;

import dev.tokenx.orders.ledger.domain.FundsHold;
import dev.tokenx.orders.ledger.domain.HoldSettlement;
import reactor.core.publisher.Mono;

public interface LedgerStore {

    /**
     * Records the hold with its journal entry, moving the balances of the entry's accounts, if every account the
     * entry takes money from covers it.
     *
     * @return false when an account does not cover its posting or does not exist; some balances may then have moved
     *     already, so the caller must roll its transaction back
     */
    Mono<Boolean> recordHold(FundsHold hold);

    /**
     * Marks the order's open hold captured or released and records the settlement's journal entry, if the hold is
     * still open and reserved exactly the settlement's held amount.
     *
     * @return false when there is no such open hold or a balance would not cover its posting; some rows may then
     *     have changed already, so the caller must roll its transaction back
     */
    Mono<Boolean> recordSettlement(HoldSettlement settlement);
}
