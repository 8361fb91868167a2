package dev.tokenx.orders.order.persistence;

import dev.tokenx.orders.ledger.persistence.FundsHoldStatement;
import dev.tokenx.orders.order.application.IdempotencyKey;
import dev.tokenx.orders.order.application.KeyedOrder;
import dev.tokenx.orders.order.application.NewPlacement;
import dev.tokenx.orders.order.application.OrderRepository;
import dev.tokenx.orders.order.domain.Confirmations;
import dev.tokenx.orders.order.domain.Fees;
import dev.tokenx.orders.order.domain.Order;
import dev.tokenx.orders.order.domain.OrderStatus;
import dev.tokenx.orders.order.domain.Side;
import dev.tokenx.orders.shared.money.Inr;
import dev.tokenx.outbox.OutboxRows;
import dev.tokenx.outbox.OutboxWriter;
import io.r2dbc.postgresql.api.PostgresqlException;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcOrderRepository implements OrderRepository {

    private static final String COLUMNS = """
            id, user_id, wallet_address, token_symbol, side, quantity, limit_price, price, platform_fee, gas_fee,
            status, failure_reason, tx_hash, confirmations, required_confirmations, created_at, updated_at""";

    /*
     * One statement, one round trip: the hold (debit, credit, journal entry, postings, hold row; ledger), only if the
     * token's price is still the one the order was decided on, then the order, only if the hold was written, then the
     * events, only if the order was. A statement is atomic by itself, so a failure anywhere (a constraint, a trigger,
     * the ledger's balance rule at its end) leaves nothing behind, without a transaction. A key already taken is a
     * unique violation that undoes the whole statement, hold included: a concurrent repeat first waits on the
     * investor's locked cash row, then on the key.
     *
     * The price is read in the statement's snapshot without a lock, so a price update never waits for orders nor they
     * for it: an order whose statement began before the update committed is placed at the price before it, one that
     * began after at the new one. Its cost: one primary-key lookup of a row of a handful, in the same round trip.
     */
    private static final String INSERT_PLACEMENT = """
            WITH priced AS (
                SELECT 1 FROM tokens WHERE symbol = :tokenSymbol AND price_inr = :price
            ), %s, placed AS (
                INSERT INTO orders (id, user_id, idempotency_key, request_hash, wallet_address, token_symbol, side,
                                    quantity, limit_price, price, platform_fee, gas_fee, total, status, created_at,
                                    updated_at)
                SELECT :id, :userId, :idempotencyKey, :requestHash, :walletAddress, :tokenSymbol, :side, :quantity,
                       CAST(:limitPrice AS numeric), :price, :platformFee, :gasFee, :total, :status, :createdAt,
                       :updatedAt
                  FROM %s
             RETURNING id
            ), announced AS (
            %s
            )
            SELECT (SELECT count(*) FROM placed) AS placed, (SELECT count(*) FROM priced) AS priced
            """.formatted(
                    FundsHoldStatement.ctesWhen("EXISTS (SELECT 1 FROM priced)"),
                    FundsHoldStatement.WRITTEN,
                    OutboxRows.insertWhere("EXISTS (SELECT 1 FROM placed)"));

    private static final String IDEMPOTENCY_KEY_CONSTRAINT = "orders_idempotency_key_unique";

    private static final String FIND_BY_KEY = "SELECT " + COLUMNS + ", request_hash FROM orders"
            + " WHERE user_id = :userId AND idempotency_key = :idempotencyKey";

    private static final String FIND_OWNED = "SELECT " + COLUMNS + " FROM orders WHERE id = :id AND user_id = :userId";

    private static final String FIND_RECENT = "SELECT " + COLUMNS + " FROM orders WHERE user_id = :userId"
            + " ORDER BY created_at DESC, id DESC LIMIT :limit";

    // Settlement events of one order are applied one at a time even if two consumers ever hold them at once.
    private static final String FIND_FOR_UPDATE = "SELECT " + COLUMNS + " FROM orders WHERE id = :id FOR UPDATE";

    private static final String UPDATE_PROGRESS = """
            UPDATE orders
               SET status = :status, failure_reason = :failureReason, tx_hash = :txHash,
                   confirmations = :confirmations, required_confirmations = :requiredConfirmations,
                   updated_at = :updatedAt
             WHERE id = :id
            """;

    private final DatabaseClient db;
    private final OutboxWriter outbox;

    R2dbcOrderRepository(DatabaseClient db, OutboxWriter outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    @Override
    public Mono<NewPlacement.Outcome> insert(NewPlacement placement) {
        Order order = placement.order();
        GenericExecuteSpec statement = db.sql(INSERT_PLACEMENT)
                .bind("id", order.id())
                .bind("userId", order.userId())
                .bind("idempotencyKey", placement.key().value())
                .bind("requestHash", placement.requestFingerprint())
                .bind("walletAddress", order.walletAddress())
                .bind("tokenSymbol", order.tokenSymbol())
                .bind("side", order.side().name())
                .bind("quantity", order.quantity())
                .bind("price", order.price().amount())
                .bind("platformFee", order.fees().platformFee().amount())
                .bind("gasFee", order.fees().gasFee().amount())
                .bind("total", order.total().amount())
                .bind("status", order.status().name())
                .bind("createdAt", order.createdAt())
                .bind("updatedAt", order.updatedAt());
        statement = bindNullable(statement, "limitPrice", order.limitPrice().map(Inr::amount), BigDecimal.class);
        statement = FundsHoldStatement.bind(statement, placement.hold());
        statement = outbox.rows(placement.events(), placement.requestId()).bindTo(statement);
        return statement
                .map(row -> new Written(row.get("placed", Long.class), row.get("priced", Long.class)))
                .one()
                .flatMap(this::outcome)
                .onErrorResume(R2dbcOrderRepository::isTakenKey, taken -> Mono.just(NewPlacement.Outcome.KEY_TAKEN));
    }

    private Mono<NewPlacement.Outcome> outcome(Written written) {
        if (written.placed() > 0) {
            return outbox.rowsWritten().thenReturn(NewPlacement.Outcome.WRITTEN);
        }
        return Mono.just(written.priced() == 0 ? NewPlacement.Outcome.PRICE_CHANGED : NewPlacement.Outcome.FUNDS_SHORT);
    }

    /** The placement statement's answer: orders written (0 or 1), and whether the order's price was the token's. */
    private record Written(long placed, long priced) {}

    /** Only the idempotency key's unique violation is an answer; any other is a defect and stays loud. */
    private static boolean isTakenKey(Throwable error) {
        return error instanceof DuplicateKeyException
                && NestedExceptionUtils.getMostSpecificCause(error) instanceof PostgresqlException postgres
                && postgres.getErrorDetails()
                        .getConstraintName()
                        .filter(IDEMPOTENCY_KEY_CONSTRAINT::equals)
                        .isPresent();
    }

    @Override
    public Mono<KeyedOrder> findByIdempotencyKey(UUID userId, IdempotencyKey key) {
        return db.sql(FIND_BY_KEY)
                .bind("userId", userId)
                .bind("idempotencyKey", key.value())
                .map(row -> new KeyedOrder(toOrder(row), row.get("request_hash", String.class)))
                .one();
    }

    @Override
    public Mono<Order> findOwnedBy(UUID userId, UUID orderId) {
        return db.sql(FIND_OWNED)
                .bind("id", orderId)
                .bind("userId", userId)
                .map(R2dbcOrderRepository::toOrder)
                .one();
    }

    @Override
    public Flux<Order> findRecentOwnedBy(UUID userId, int limit) {
        return db.sql(FIND_RECENT)
                .bind("userId", userId)
                .bind("limit", limit)
                .map(R2dbcOrderRepository::toOrder)
                .all();
    }

    @Override
    public Mono<Order> findForUpdate(UUID orderId) {
        return db.sql(FIND_FOR_UPDATE)
                .bind("id", orderId)
                .map(R2dbcOrderRepository::toOrder)
                .one();
    }

    @Override
    public Mono<Void> updateProgress(Order order) {
        GenericExecuteSpec statement = db.sql(UPDATE_PROGRESS)
                .bind("id", order.id())
                .bind("status", order.status().name())
                .bind("updatedAt", order.updatedAt());
        statement = bindNullable(statement, "failureReason", order.failureReason(), String.class);
        statement = bindNullable(statement, "txHash", order.txHash(), String.class);
        statement = bindNullable(
                statement, "confirmations", order.confirmations().map(Confirmations::count), Integer.class);
        statement = bindNullable(
                statement, "requiredConfirmations", order.confirmations().map(Confirmations::required), Integer.class);
        return statement
                .fetch()
                .rowsUpdated()
                .filter(rows -> rows == 1)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("Order " + order.id() + " is gone")))
                .then();
    }

    private static <T> GenericExecuteSpec bindNullable(
            GenericExecuteSpec statement, String name, Optional<T> value, Class<T> type) {
        return value.map(present -> statement.bind(name, present)).orElseGet(() -> statement.bindNull(name, type));
    }

    private static Order toOrder(Readable row) {
        return Order.restore(
                row.get("id", UUID.class),
                row.get("user_id", UUID.class),
                row.get("wallet_address", String.class),
                row.get("token_symbol", String.class),
                Side.valueOf(row.get("side", String.class)),
                row.get("quantity", Long.class),
                Optional.ofNullable(row.get("limit_price", BigDecimal.class)).map(Inr::of),
                Inr.of(row.get("price", BigDecimal.class)),
                new Fees(
                        Inr.of(row.get("platform_fee", BigDecimal.class)),
                        Inr.of(row.get("gas_fee", BigDecimal.class))),
                OrderStatus.valueOf(row.get("status", String.class)),
                Optional.ofNullable(row.get("failure_reason", String.class)),
                Optional.ofNullable(row.get("tx_hash", String.class)),
                confirmations(row),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }

    private static Optional<Confirmations> confirmations(Readable row) {
        Integer count = row.get("confirmations", Integer.class);
        Integer required = row.get("required_confirmations", Integer.class);
        if (count == null || required == null) {
            return Optional.empty();
        }
        return Optional.of(new Confirmations(count, required));
    }
}
