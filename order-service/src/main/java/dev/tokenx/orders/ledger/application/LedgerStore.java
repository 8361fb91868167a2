package dev.tokenx.orders.ledger.application;

import dev.tokenx.orders.ledger.domain.FundsHold;
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
}
