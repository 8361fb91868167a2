package dev.tokenx.orders.catalog.application;

import dev.tokenx.events.PriceUpdated;
import dev.tokenx.orders.catalog.domain.PriceChange;
import dev.tokenx.orders.catalog.domain.PriceMoveLimit;
import dev.tokenx.orders.catalog.domain.Token;
import dev.tokenx.orders.shared.ids.TimeOrderedIds;
import dev.tokenx.outbox.OutboxWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Sets a token's price: the new price and its {@code PriceUpdated} event commit together, or neither does.
 *
 * <p>The token's row is locked while the move is decided, so two concurrent updates are applied one after the other,
 * the second measured from the first one's price: neither can pass the move limit by starting from a price that is no
 * longer current, and the events' previous prices chain. Setting the price a token already has writes nothing and
 * publishes nothing.
 *
 * <p>Orders need no notice: each placement checks, in its own statement, that the price it was decided on is still
 * the token's ({@code OrderRepository#insert}). This instance's catalog copy is dropped after the commit so that its
 * next orders are priced right the first time.
 */
@Service
public class SetTokenPrice {

    private final TokenStore tokens;
    private final TokenCatalog catalog;
    private final OutboxWriter outbox;
    private final TransactionalOperator transactions;
    private final PriceMoveLimit moveLimit;
    private final Clock clock;

    public SetTokenPrice(
            TokenStore tokens,
            TokenCatalog catalog,
            OutboxWriter outbox,
            TransactionalOperator transactions,
            PriceProperties properties,
            Clock clock) {
        this.tokens = tokens;
        this.catalog = catalog;
        this.outbox = outbox;
        this.transactions = transactions;
        this.moveLimit = properties.moveLimit();
        this.clock = clock;
    }

    /**
     * @return what changed; fails with {@link TokenNotFound} or {@code PriceMoveTooLarge}, having changed nothing
     */
    public Mono<PriceChange> set(SetPriceCommand command) {
        return tokens.findForUpdate(command.symbol())
                .switchIfEmpty(Mono.error(() -> new TokenNotFound(command.symbol())))
                .map(token -> token.reprice(command.price(), moveLimit))
                .flatMap(change -> save(change, command))
                .as(transactions::transactional)
                .doOnNext(change -> forgetIfChanged(change))
                .doOnNext(change -> PriceAudit.applied(command, change));
    }

    private Mono<PriceChange> save(PriceChange change, SetPriceCommand command) {
        if (!change.changed()) {
            return Mono.just(change);
        }
        Token token = change.token();
        Instant now = now();
        return tokens.updatePrice(token.symbol(), token.price(), now)
                .then(outbox.append(priceUpdated(change, now), command.requestId()))
                .thenReturn(change);
    }

    private void forgetIfChanged(PriceChange change) {
        if (change.changed()) {
            catalog.forget();
        }
    }

    private static PriceUpdated priceUpdated(PriceChange change, Instant at) {
        return new PriceUpdated(
                TimeOrderedIds.next(),
                change.token().symbol(),
                change.token().price().amount(),
                change.previousPrice().amount(),
                at);
    }

    /** PostgreSQL keeps microseconds: the instant published is the one read back later. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
