package dev.tokenx.orders.ledger.application;

import dev.tokenx.orders.ledger.domain.HoldNotSettled;
import dev.tokenx.orders.ledger.domain.HoldSettlement;
import dev.tokenx.orders.shared.ids.TimeOrderedIds;
import dev.tokenx.orders.shared.money.Inr;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Captures or releases an order's funds hold once the order is settled. Joins the caller's transaction, which must roll
 * back on failure. (The hold itself is written with the order: {@code PlaceOrder}.)
 */
@Service
public class FundsHolds {

    private final LedgerStore store;

    public FundsHolds(LedgerStore store) {
        this.store = store;
    }

    /**
     * Pays for a settled order from its hold: the value to the treasury's proceeds, each fee to its account.
     *
     * @throws HoldNotSettled (as the error signal) when the order has no open hold of value plus fees
     */
    /**
     * Takes the row locks that settling these orders' holds needs, in one order for every caller: the platform's
     * accounts first (when {@code capturing}), then the investors' cash accounts by investor. Two transactions that
     * settle holds of the same investors then never wait for each other in a cycle; without it, two consumers'
     * batches deadlock, and PostgreSQL resolves each deadlock only after {@code deadlock_timeout} (1 s).
     */
    public Mono<Void> lockForSettlement(List<UUID> orderIds, boolean capturing) {
        return orderIds.isEmpty() ? Mono.empty() : store.lockForSettlement(orderIds, capturing);
    }

    public Mono<Void> capture(UUID orderId, UUID userId, Inr value, Inr platformFee, Inr gasFee, Instant at) {
        return Mono.fromSupplier(() ->
                        HoldSettlement.capture(TimeOrderedIds.next(), orderId, userId, value, platformFee, gasFee, at))
                .flatMap(this::settle);
    }

    /**
     * Returns a failed order's hold, all of it, to the investor's available cash.
     *
     * @throws HoldNotSettled (as the error signal) when the order has no open hold of that amount
     */
    public Mono<Void> release(UUID orderId, UUID userId, Inr held, Instant at) {
        return Mono.fromSupplier(() -> HoldSettlement.release(TimeOrderedIds.next(), orderId, userId, held, at))
                .flatMap(this::settle);
    }

    private Mono<Void> settle(HoldSettlement settlement) {
        return store.recordSettlement(settlement)
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(() -> new HoldNotSettled(settlement.orderId(), settlement.outcome())))
                .then();
    }
}
