package dev.tokenx.orders.order.application;

import dev.tokenx.orders.account.application.Traders;
import dev.tokenx.orders.catalog.application.TokenCatalog;
import dev.tokenx.orders.ledger.domain.FundsHold;
import dev.tokenx.orders.ledger.domain.InsufficientFunds;
import dev.tokenx.orders.order.domain.FeePolicy;
import dev.tokenx.orders.order.domain.Order;
import dev.tokenx.orders.order.domain.OrderRejected;
import dev.tokenx.orders.shared.ids.TimeOrderedIds;
import dev.tokenx.security.WithRequestId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Takes an order: decides it from the trader, the catalog and the fee policy, then writes the order, its funds hold
 * and the {@code OrderPlaced} and {@code OrderStatusChanged} ({@code ACCEPTED}) events for the outbox, all or nothing.
 * Nothing is written when any step refuses.
 *
 * <p>The writes are one statement ({@link OrderRepository#insert}): one round trip to PostgreSQL per order, atomic by
 * itself. Unlike the other writing use cases, this one therefore runs in no transaction of its own, which would add a
 * {@code BEGIN} and a {@code COMMIT} round trip and hold the investor's ledger rows locked between them.
 *
 * <p>Price: an order is decided on this instance's copy of the catalog ({@link TokenCatalog}) and written only if that
 * price is still the token's in the database, checked by the same statement. When it is not (the price was set a
 * moment ago, or through another instance), the copy is dropped and the order is decided again at the new price, up
 * to {@value #MAX_ATTEMPTS} times in all; then nothing is written and {@link PriceKeptChanging} says so. An order is
 * therefore never placed at a price the catalog no longer holds.
 *
 * <p>Idempotency: the order row is unique per user and idempotency key. A repeated request finds the order its
 * first attempt created and answers with it, whether the repeat comes later (even after the price, the KYC status or
 * the investor's cash changed) or concurrently (its write waits for the first attempt's, then finds the key taken).
 */
@Service
public class PlaceOrder {

    private static final Logger log = LoggerFactory.getLogger(PlaceOrder.class);

    /** Prices are set by hand, seconds apart at most: a second attempt finds the new one. */
    static final int MAX_ATTEMPTS = 3;

    private final Traders traders;
    private final TokenCatalog catalog;
    private final OrderRepository orders;
    private final FeePolicy feePolicy;
    private final Clock clock;

    public PlaceOrder(Traders traders, TokenCatalog catalog, OrderRepository orders, FeeProperties fees, Clock clock) {
        this.traders = traders;
        this.catalog = catalog;
        this.orders = orders;
        this.feePolicy = fees.policy();
        this.clock = clock;
    }

    public Mono<Placement> place(PlaceOrderCommand command) {
        return attempt(command, 1)
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

    private Mono<Placement> attempt(PlaceOrderCommand command, int attempt) {
        return decide(command).flatMap(order -> record(order, command, attempt));
    }

    private Mono<Placement> record(Order order, PlaceOrderCommand command, int attempt) {
        return orders.insert(newPlacement(order, command)).flatMap(outcome -> answer(outcome, order, command, attempt));
    }

    private static NewPlacement newPlacement(Order order, PlaceOrderCommand command) {
        FundsHold hold = FundsHold.place(
                TimeOrderedIds.next(),
                TimeOrderedIds.next(),
                order.id(),
                order.userId(),
                order.total(),
                order.createdAt());
        return new NewPlacement(
                order,
                command.idempotencyKey(),
                command.fingerprint(),
                hold,
                List.of(OrderEvents.placed(order), OrderEvents.statusChanged(order)),
                command.requestId());
    }

    private Mono<Placement> answer(NewPlacement.Outcome outcome, Order order, PlaceOrderCommand command, int attempt) {
        return switch (outcome) {
            case WRITTEN -> Mono.just(Placement.accepted(order));
            case KEY_TAKEN -> earlierPlacement(command);
            // The key's first order may have taken the cash this repeat finds missing.
            case FUNDS_SHORT -> earlierPlacementOr(new InsufficientFunds(order.total()), command);
            case PRICE_CHANGED -> decideAgain(order, command, attempt);
        };
    }

    /** The order was priced from an outdated copy of the catalog: decided again from the database's prices. */
    private Mono<Placement> decideAgain(Order order, PlaceOrderCommand command, int attempt) {
        if (attempt >= MAX_ATTEMPTS) {
            return earlierPlacementOr(new PriceKeptChanging(order.tokenSymbol(), MAX_ATTEMPTS), command);
        }
        catalog.forget();
        return attempt(command, attempt + 1);
    }

    /** A refused request may repeat one that was accepted before, when the rules still let it through. */
    private Mono<Placement> earlierPlacementOr(RuntimeException rejection, PlaceOrderCommand command) {
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
