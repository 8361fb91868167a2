package dev.tokenx.orders.ledger.application;

import dev.tokenx.orders.ledger.domain.FundsHold;
import dev.tokenx.orders.ledger.domain.InsufficientFunds;
import dev.tokenx.orders.shared.ids.TimeOrderedIds;
import dev.tokenx.orders.shared.money.Inr;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Reserves an investor's cash for an order. Joins the caller's transaction, which must roll back on failure. */
@Service
public class FundsHolds {

    private final LedgerStore store;

    public FundsHolds(LedgerStore store) {
        this.store = store;
    }

    /** @throws InsufficientFunds (as the error signal) when the available cash does not cover the amount */
    public Mono<FundsHold> hold(UUID orderId, UUID userId, Inr amount, Instant at) {
        return Mono.fromSupplier(() ->
                        FundsHold.place(TimeOrderedIds.next(), TimeOrderedIds.next(), orderId, userId, amount, at))
                .flatMap(this::record);
    }

    private Mono<FundsHold> record(FundsHold hold) {
        return store.recordHold(hold)
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(() -> new InsufficientFunds(hold.amount())))
                .thenReturn(hold);
    }
}
