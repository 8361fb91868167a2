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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies what the blockchain service reports about an order's settlement: the order's new status, the funds hold
 * captured (completed) or released (failed), the holding credited (completed), and the {@code OrderStatusChanged} and
 * {@code PortfolioChanged} events for the outbox.
 *
 * <p>A batch of reports (one poll of the settlement topic) is applied in one transaction, in its order, so that one
 * order's events are applied in the order they happened and a commit is paid per batch, not per event. When that
 * transaction fails it is rolled back in full, and the reports are applied again one by one, each in a transaction of
 * its own, until one fails: that one is reported ({@link SettlementsPartlyRecorded}), those before it stay applied,
 * those after it are left for the consumer to deliver again. Nothing is lost and nothing is applied twice.
 *
 * <p>Events arrive at least once. An event id already in {@link ProcessedEvents} changes nothing, in a batch as in a
 * redelivered one; news the order has moved past (an earlier confirmation count, a submission after completion) is
 * recorded as processed and changes nothing either. News that contradicts the order's final outcome fails with an
 * {@code OrderStateConflict}.
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

    /**
     * Applies the reports in their order: in one transaction, or, when it fails, one by one.
     *
     * @return completes once every report is applied; fails with {@link SettlementsPartlyRecorded} naming the first
     *     report that could not be (its cause: {@link OrderNotFound}, an {@code OrderStateConflict}, the database's
     *     failure, ...)
     */
    public Mono<Void> recordAll(List<SettlementReport> reports) {
        if (reports.isEmpty()) {
            return Mono.empty();
        }
        return lockInOneOrder(reports)
                .thenMany(Flux.fromIterable(reports).concatMap(this::applyOnce))
                .as(transactions::transactional)
                .collectList()
                .doOnNext(changes -> changes.forEach(RecordSettlement::logChange))
                .then()
                .onErrorResume(failure -> oneByOne(reports, failure));
    }

    private Mono<Void> oneByOne(List<SettlementReport> reports, Throwable batchFailure) {
        if (reports.size() == 1) {
            // Applying it again at once would only double the attempts the consumer's backoff counts.
            return Mono.error(new SettlementsPartlyRecorded(0, batchFailure));
        }
        log.warn(
                "A batch of {} settlement events was rolled back ({}); applying them one by one",
                reports.size(),
                batchFailure.toString());
        return Flux.range(0, reports.size())
                .concatMap(position -> record(reports.get(position))
                        .onErrorMap(failure -> new SettlementsPartlyRecorded(position, failure)))
                .then();
    }

    private Mono<Void> record(SettlementReport report) {
        return lockInOneOrder(List.of(report))
                .then(applyOnce(report))
                .as(transactions::transactional)
                .doOnNext(RecordSettlement::logChange)
                .then();
    }

    /** Reports that move money (a completion captures, a failure releases) lock their ledger rows first. */
    private Mono<Void> lockInOneOrder(List<SettlementReport> reports) {
        List<UUID> movingMoney = reports.stream()
                .map(SettlementReport::event)
                .filter(event -> event instanceof SettlementConfirmed || event instanceof SettlementFailed)
                .map(SettlementEvent::orderId)
                .distinct()
                .toList();
        boolean capturing = reports.stream().anyMatch(report -> report.event() instanceof SettlementConfirmed);
        return funds.lockForSettlement(movingMoney, capturing);
    }

    /** Empty when the event was applied before or changes nothing. */
    private Mono<Change> applyOnce(SettlementReport report) {
        SettlementEvent event = report.event();
        return processed
                .markProcessed(event.eventId(), EventCatalog.typeOf(event))
                .filter(Boolean::booleanValue)
                .flatMap(first -> apply(event, report.requestId()))
                .map(order -> new Change(order, report.requestId()));
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

    /** Under the id of the request that placed the order: a batch mixes many requests' events on one thread. */
    private static void logChange(Change change) {
        Order order = change.order();
        WithRequestId.log(
                change.requestId(),
                () -> log.info(
                        "Order {} is {}{}",
                        order.id(),
                        order.status(),
                        order.failureReason().map(reason -> ": " + reason).orElse("")));
    }

    /** What applying one event changed, and the request it follows from. */
    private record Change(Order order, Optional<String> requestId) {}

    /** PostgreSQL keeps microseconds: the instant published is the one read back later. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
