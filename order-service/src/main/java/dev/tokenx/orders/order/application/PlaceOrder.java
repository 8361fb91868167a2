package dev.tokenx.orders.order.application;

import dev.tokenx.orders.account.application.Traders;
import dev.tokenx.orders.catalog.application.TokenCatalog;
import dev.tokenx.orders.ledger.application.FundsHolds;
import dev.tokenx.orders.order.domain.FeePolicy;
import dev.tokenx.orders.order.domain.Order;
import dev.tokenx.orders.order.domain.OrderRejected;
import dev.tokenx.orders.shared.ids.TimeOrderedIds;
import dev.tokenx.outbox.OutboxWriter;
import dev.tokenx.security.WithRequestId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Takes an order: decides it from the trader, the catalog and the fee policy, then, in one transaction, writes the
 * order, the {@code OrderPlaced} and {@code OrderStatusChanged} ({@code ACCEPTED}) events for the outbox and the funds
 * hold. Nothing is written when any step refuses.
 *
 * <p>The writes go in that order so that the investor's ledger rows, which concurrent orders of the same investor
 * wait for, are locked for the shortest time: from the hold to the commit.
 *
 * <p>Idempotency: the order row is unique per user and idempotency key. A repeated request finds the order its
 * first attempt created and answers with it, whether the repeat comes later (even after the price or the KYC status
 * changed) or concurrently (the insert waits for the first attempt's transaction).
 */
@Service
public class PlaceOrder {

    private static final Logger log = LoggerFactory.getLogger(PlaceOrder.class);

    private final Traders traders;
    private final TokenCatalog catalog;
    private final FundsHolds funds;
    private final OrderRepository orders;
    private final OutboxWriter outbox;
    private final FeePolicy feePolicy;
    private final TransactionalOperator transactions;
    private final Clock clock;

    public PlaceOrder(
            Traders traders,
            TokenCatalog catalog,
            FundsHolds funds,
            OrderRepository orders,
            OutboxWriter outbox,
            FeeProperties fees,
            TransactionalOperator transactions,
            Clock clock) {
        this.traders = traders;
        this.catalog = catalog;
        this.funds = funds;
        this.orders = orders;
        this.outbox = outbox;
        this.feePolicy = fees.policy();
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<Placement> place(PlaceOrderCommand command) {
        return decide(command)
                .flatMap(order -> record(order, command))
                .onErrorResume(OrderRejected.class, rejection -> earlierPlacementOr(rejection, command))
                .doOnNext(placement -> logAccepted(placement, command));
    }

    private Mono<Order> decide(PlaceOrderCommand command) {
        return Mono.zip(
                        traders.trader(command.userId()),
                        catalog.listing(command.ticket().tokenSymbol()))
                .map(found -> Order.place(
                        TimeOrderedIds.next(), found.getT1(), command.ticket(), found.getT2(), feePolicy, now()));
    }

    private Mono<Placement> record(Order order, PlaceOrderCommand command) {
        return orders.insertIfAbsent(order, command.idempotencyKey(), command.fingerprint())
                .flatMap(inserted -> inserted ? holdAndAnnounce(order, command) : earlierPlacement(command))
                .as(transactions::transactional);
    }

    private Mono<Placement> holdAndAnnounce(Order order, PlaceOrderCommand command) {
        return outbox.append(OrderEvents.placed(order), command.requestId())
                .then(outbox.append(OrderEvents.statusChanged(order), command.requestId()))
                .then(funds.hold(order.id(), order.userId(), order.total(), order.createdAt()))
                .thenReturn(Placement.accepted(order));
    }

    /** A refused request may repeat one that was accepted before, when the rules still let it through. */
    private Mono<Placement> earlierPlacementOr(OrderRejected rejection, PlaceOrderCommand command) {
        return orders.findByIdempotencyKey(command.userId(), command.idempotencyKey())
                .map(earlier -> replay(earlier, command))
                .switchIfEmpty(Mono.error(rejection));
    }

    private Mono<Placement> earlierPlacement(PlaceOrderCommand command) {
        return orders.findByIdempotencyKey(command.userId(), command.idempotencyKey())
                .map(earlier -> replay(earlier, command))
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("Order under idempotency key "
                        + command.idempotencyKey().value() + " conflicted but is gone")));
    }

    private static Placement replay(KeyedOrder earlier, PlaceOrderCommand command) {
        if (!earlier.requestFingerprint().equals(command.fingerprint())) {
            throw new IdempotencyKeyReused(command.idempotencyKey());
        }
        return Placement.replayed(earlier.order());
    }

    private static void logAccepted(Placement placement, PlaceOrderCommand command) {
        if (!placement.replayed()) {
            Order order = placement.order();
            WithRequestId.log(
                    command.requestId(),
                    () -> log.info(
                            "Order {} accepted: {} {} {} for {} of user {}",
                            order.id(),
                            order.side(),
                            order.quantity(),
                            order.tokenSymbol(),
                            order.total(),
                            order.userId()));
        }
    }

    /** PostgreSQL keeps microseconds: the instant answered now is the one read back later. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
