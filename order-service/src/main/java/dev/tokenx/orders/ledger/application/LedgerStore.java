package dev.tokenx.orders.ledger.application;

import dev.tokenx.orders.ledger.domain.HoldSettlement;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The ledger's writes after placement. A hold is written with its order, in the placement's own statement
 * ({@code FundsHoldStatement}).
 */
public interface LedgerStore {

    /**
     * Marks the order's open hold captured or released and records the settlement's journal entry, if the hold is
     * still open and reserved exactly the settlement's held amount.
     *
     * @return false when there is no such open hold or a balance would not cover its posting; some rows may then
     *     have changed already, so the caller must roll its transaction back
     */
    Mono<Boolean> recordSettlement(HoldSettlement settlement);

    /**
     * Locks, for the caller's transaction, the cash accounts of the investors who placed these orders, ordered by
     * investor, after the platform's accounts when {@code platformAccounts} (captures credit them).
     */
    Mono<Void> lockForSettlement(List<UUID> orderIds, boolean platformAccounts);
}
