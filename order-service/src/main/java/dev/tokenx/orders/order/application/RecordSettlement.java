package dev.tokenx.orders.order.application;

import dev.tokenx.events.EventCatalog;
import dev.tokenx.events.SettlementConfirmed;
import dev.tokenx.events.SettlementConfirming;
import dev.tokenx.events.SettlementEvent;
import dev.tokenx.events.SettlementFailed;
import dev.tokenx.events.SettlementSubmitted;
import dev.tokenx.orders.ledger.application.FundsHolds;
import dev.tokenx.orders.order.domain.Confirmations;
import dev.tokenx.orders.order.domain.Order;
import dev.tokenx.orders.portfolio.application.Holdings;
import dev.tokenx.outbox.OutboxWriter;
import dev.tokenx.security.WithRequestId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Applies what the blockchain service reports about an order's settlement, each event in one transaction: the
 * order's new status, the funds hold captured (completed) or released (failed), the holding credited (completed), and
 * the {@code OrderStatusChanged} and {@code PortfolioChanged} events for the outbox.
 *
 * <p>Events arrive at least once. An event id already in {@link ProcessedEvents} changes nothing; news the order has
 * moved past (an earlier confirmation count, a submission after completion) is recorded as processed and changes
 * nothing either. News that contradicts the order's final outcome fails with an {@code OrderStateConflict}.
 */
@Service
public class RecordSettlement {

    private static final Logger log = LoggerFactory.getLogger(RecordSettlement.class);

    private final OrderRepository orders;
    private final ProcessedEvents processed;
    private final FundsHolds funds;
    private final Holdings holdings;
    private final OutboxWriter outbox;
    private final TransactionalOperator transactions;
    private final Clock clock;

    public RecordSettlement(
            OrderRepository orders,
            ProcessedEvents processed,
            FundsHolds funds,
            Holdings holdings,
            OutboxWriter outbox,
            TransactionalOperator transactions,
            Clock clock) {
        this.orders = orders;
        this.processed = processed;
        this.funds = funds;
        this.holdings = holdings;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @throws OrderNotFound (as the error signal) when no order has the event's order id */
    public Mono<Void> record(SettlementEvent event, Optional<String> requestId) {
        return processed
                .markProcessed(event.eventId(), EventCatalog.typeOf(event))
                .filter(Boolean::booleanValue)
                .flatMap(first -> apply(event, requestId))
                .as(transactions::transactional)
                .doOnNext(changed -> logChange(changed, requestId))
                .then();
    }

    private Mono<Order> apply(SettlementEvent event, Optional<String> requestId) {
        return orders.findForUpdate(event.orderId())
                .switchIfEmpty(
                        Mono.error(() -> new OrderNotFound(event.orderId().toString())))
                .flatMap(order -> Mono.justOrEmpty(transition(order, event)))
                .flatMap(changed -> save(changed, requestId).thenReturn(changed));
    }

    private Optional<Order> transition(Order order, SettlementEvent event) {
        Instant now = now();
        return switch (event) {
            case SettlementSubmitted submitted -> order.settling(submitted.txHash(), now);
            case SettlementConfirming confirming ->
                order.confirming(
                        confirming.txHash(),
                        new Confirmations(confirming.confirmations(), confirming.requiredConfirmations()),
                        now);
            case SettlementConfirmed confirmed -> order.complete(confirmed.txHash(), confirmed.confirmations(), now);
            case SettlementFailed failed -> order.fail(failed.reason(), Optional.ofNullable(failed.txHash()), now);
        };
    }

    private Mono<Void> save(Order order, Optional<String> requestId) {
        return orders.updateProgress(order)
                .then(settleFunds(order, requestId))
                .then(outbox.append(OrderEvents.statusChanged(order), requestId));
    }

    private Mono<Void> settleFunds(Order order, Optional<String> requestId) {
        return switch (order.status()) {
            case COMPLETED -> capture(order, requestId);
            case FAILED -> funds.release(order.id(), order.userId(), order.total(), order.updatedAt());
            case ACCEPTED, SETTLING, CONFIRMING -> Mono.empty();
        };
    }

    private Mono<Void> capture(Order order, Optional<String> requestId) {
        return funds.capture(
                        order.id(),
                        order.userId(),
                        order.value(),
                        order.fees().platformFee(),
                        order.fees().gasFee(),
                        order.updatedAt())
                .then(holdings.credit(order.userId(), order.tokenSymbol(), order.quantity(), order.updatedAt()))
                .flatMap(holding -> outbox.append(OrderEvents.portfolioChanged(order, holding), requestId));
    }

    private static void logChange(Order order, Optional<String> requestId) {
        WithRequestId.log(
                requestId,
                () -> log.info(
                        "Order {} is {}{}",
                        order.id(),
                        order.status(),
                        order.failureReason().map(reason -> ": " + reason).orElse("")));
    }

    /** PostgreSQL keeps microseconds: the instant published is the one read back later. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
