package dev.tokenx.blockchain.settlement.persistence;

import dev.tokenx.blockchain.settlement.application.SettlementAlreadyExists;
import dev.tokenx.blockchain.settlement.application.SettlementRepository;
import dev.tokenx.blockchain.settlement.domain.Settlement;
import dev.tokenx.blockchain.settlement.domain.SettlementStatus;
import dev.tokenx.blockchain.settlement.domain.SignedTransfer;
import dev.tokenx.blockchain.settlement.domain.Transfer;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcSettlementRepository implements SettlementRepository {

    /** A settlement with its transaction's signed bytes, which the orders of one batch share. */
    private static final String SELECT = """
            SELECT s.order_id, s.user_id, s.request_id, s.token_symbol, s.contract_address, s.from_address,
                   s.to_address, s.quantity, s.status, s.sender, s.nonce, s.tx_hash, t.signed_tx, s.last_sent_at,
                   s.mined_block, s.confirmations, s.failure_reason, s.version
              FROM settlements s LEFT JOIN settlement_transactions t ON t.tx_hash = s.tx_hash
            """;

    private static final String FIND = SELECT + " WHERE s.order_id = :orderId";

    private static final String FIND_ALL = SELECT + " WHERE s.order_id = ANY(:orderIds)";

    private static final String INSERT_TRANSACTION = """
            INSERT INTO settlement_transactions (tx_hash, sender, nonce, signed_tx)
            VALUES (:txHash, :sender, :nonce, :signedTx)
            """;

    private static final String UPDATE = """
            UPDATE settlements
               SET status = :status, sender = :sender, nonce = :nonce, tx_hash = :txHash,
                   last_sent_at = :lastSentAt, mined_block = :minedBlock,
                   confirmations = :confirmations, failure_reason = left(:failureReason, 500), updated_at = now(),
                   version = version + 1
             WHERE order_id = :orderId AND version = :version
            """;

    /** A batch's settlements in one statement; an order that already has one is left alone and not returned. */
    private static final String INSERT_ALL = """
            INSERT INTO settlements (order_id, user_id, request_id, token_symbol, contract_address, from_address,
                                     to_address, quantity, status, sender, nonce, tx_hash, last_sent_at,
                                     failure_reason)
            SELECT order_id, user_id, request_id, token_symbol, contract_address, from_address, to_address, quantity,
                   status, sender, nonce, tx_hash, last_sent_at, left(failure_reason, 500)
              FROM unnest(:orderIds::uuid[], :userIds::uuid[], :requestIds::varchar[], :tokenSymbols::varchar[],
                          :contracts::varchar[], :froms::varchar[], :tos::varchar[], :quantities::bigint[],
                          :statuses::varchar[], :senders::varchar[], :nonces::bigint[], :txHashes::varchar[],
                          :lastSentAt::timestamptz[], :failureReasons::varchar[])
                   AS n(order_id, user_id, request_id, token_symbol, contract_address, from_address, to_address,
                        quantity, status, sender, nonce, tx_hash, last_sent_at, failure_reason)
            ON CONFLICT (order_id) DO NOTHING
            RETURNING order_id
            """;

    /** A batch's or a block's settlements in one statement, each only on the version it was read at. */
    private static final String UPDATE_ALL = """
            UPDATE settlements s
               SET status = u.status, sender = u.sender, nonce = u.nonce, tx_hash = u.tx_hash,
                   last_sent_at = u.last_sent_at, mined_block = u.mined_block, confirmations = u.confirmations,
                   failure_reason = left(u.failure_reason, 500), updated_at = now(), version = s.version + 1
              FROM unnest(:orderIds::uuid[], :versions::bigint[], :statuses::varchar[], :senders::varchar[],
                          :nonces::bigint[], :txHashes::varchar[], :lastSentAt::timestamptz[], :minedBlocks::bigint[],
                          :confirmations::int[], :failureReasons::varchar[])
                   AS u(order_id, version, status, sender, nonce, tx_hash, last_sent_at, mined_block, confirmations,
                        failure_reason)
             WHERE s.order_id = u.order_id AND s.version = u.version
            RETURNING s.order_id
            """;

    private static final String AWAITING_MINING_WITH_HASHES = SELECT + """
             WHERE s.tx_hash = ANY(:txHashes) AND s.status IN ('SIGNED', 'SUBMITTED')
            """;

    private static final String AWAITING_MINING_SENT_BEFORE = SELECT + """
             WHERE s.status IN ('SIGNED', 'SUBMITTED') AND s.last_sent_at < :cutoff
             ORDER BY s.last_sent_at
             LIMIT :limit
            """;

    /** A mined transfer has {@code head - mined_block + 1} confirmations: those with more than announced. */
    private static final String CONFIRMING_BELOW = SELECT + """
             WHERE s.status = 'CONFIRMING' AND s.mined_block + s.confirmations <= :head
             ORDER BY s.mined_block
             LIMIT :limit
            """;

    private final DatabaseClient db;

    R2dbcSettlementRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Settlement> find(UUID orderId) {
        return db.sql(FIND)
                .bind("orderId", orderId)
                .map(R2dbcSettlementRepository::toSettlement)
                .one();
    }

    @Override
    public Flux<Settlement> findAll(Collection<UUID> orderIds) {
        return db.sql(FIND_ALL)
                .bind("orderIds", orderIds.toArray(UUID[]::new))
                .map(R2dbcSettlementRepository::toSettlement)
                .all();
    }

    @Override
    public Mono<Void> insertTransaction(SignedTransfer transaction) {
        return db.sql(INSERT_TRANSACTION)
                .bind("txHash", transaction.txHash())
                .bind("sender", transaction.sender())
                .bind("nonce", transaction.nonce())
                .bind("signedTx", transaction.rawTransaction())
                .then();
    }

    @Override
    public Mono<Void> insertAll(List<Settlement> settlements) {
        if (settlements.isEmpty()) {
            return Mono.empty();
        }
        Columns columns = new Columns(settlements);
        return bindSigned(db.sql(INSERT_ALL), columns)
                .bind("orderIds", columns.of(Settlement::orderId, UUID[]::new))
                .bind("userIds", columns.of(Settlement::userId, UUID[]::new))
                .bind("requestIds", columns.of(s -> s.requestId().orElse(null), String[]::new))
                .bind("tokenSymbols", columns.of(s -> s.transfer().tokenSymbol(), String[]::new))
                .bind("contracts", columns.of(s -> s.transfer().contract(), String[]::new))
                .bind("froms", columns.of(s -> s.transfer().from(), String[]::new))
                .bind("tos", columns.of(s -> s.transfer().to(), String[]::new))
                .bind("quantities", columns.of(s -> s.transfer().quantity(), Long[]::new))
                .bind("statuses", columns.of(s -> s.status().name(), String[]::new))
                .bind("failureReasons", columns.of(s -> s.failureReason().orElse(null), String[]::new))
                .map(row -> row.get("order_id", UUID.class))
                .all()
                .collect(Collectors.toSet())
                .flatMap(inserted -> settlements.stream()
                        .map(Settlement::orderId)
                        .filter(orderId -> !inserted.contains(orderId))
                        .findFirst()
                        .<Mono<Void>>map(existing -> Mono.error(new SettlementAlreadyExists(existing)))
                        .orElseGet(Mono::empty));
    }

    @Override
    public Flux<UUID> updateAll(List<Settlement> settlements) {
        if (settlements.isEmpty()) {
            return Flux.empty();
        }
        Columns columns = new Columns(settlements);
        return bindSigned(db.sql(UPDATE_ALL), columns)
                .bind("orderIds", columns.of(Settlement::orderId, UUID[]::new))
                .bind("versions", columns.of(Settlement::version, Long[]::new))
                .bind("statuses", columns.of(s -> s.status().name(), String[]::new))
                .bind(
                        "minedBlocks",
                        columns.of(
                                s -> s.minedBlock().isPresent() ? s.minedBlock().getAsLong() : null, Long[]::new))
                .bind("confirmations", columns.of(Settlement::confirmations, Integer[]::new))
                .bind("failureReasons", columns.of(s -> s.failureReason().orElse(null), String[]::new))
                .map(row -> row.get("order_id", UUID.class))
                .all();
    }

    @Override
    public Mono<Boolean> update(Settlement settlement) {
        GenericExecuteSpec update = db.sql(UPDATE)
                .bind("orderId", settlement.orderId())
                .bind("version", settlement.version())
                .bind("status", settlement.status().name())
                .bind("confirmations", settlement.confirmations());
        Optional<SignedTransfer> signed = settlement.signed();
        update = bindOrNull(update, "sender", signed.map(SignedTransfer::sender), String.class);
        update = bindOrNull(update, "nonce", signed.map(SignedTransfer::nonce), Long.class);
        update = bindOrNull(update, "txHash", signed.map(SignedTransfer::txHash), String.class);
        update = bindOrNull(update, "lastSentAt", settlement.lastSentAt(), Instant.class);
        update = bindOrNull(
                update,
                "minedBlock",
                settlement.minedBlock().isPresent()
                        ? Optional.of(settlement.minedBlock().getAsLong())
                        : Optional.empty(),
                Long.class);
        update = bindOrNull(update, "failureReason", settlement.failureReason(), String.class);
        return update.fetch().rowsUpdated().map(updated -> updated == 1);
    }

    @Override
    public Flux<Settlement> awaitingMiningWithTxHashes(Collection<String> txHashes) {
        return db.sql(AWAITING_MINING_WITH_HASHES)
                .bind("txHashes", txHashes.toArray(String[]::new))
                .map(R2dbcSettlementRepository::toSettlement)
                .all();
    }

    @Override
    public Flux<Settlement> awaitingMiningSentBefore(Instant cutoff, int limit) {
        return db.sql(AWAITING_MINING_SENT_BEFORE)
                .bind("cutoff", cutoff)
                .bind("limit", limit)
                .map(R2dbcSettlementRepository::toSettlement)
                .all();
    }

    @Override
    public Flux<Settlement> confirmingBelow(long head, int limit) {
        return db.sql(CONFIRMING_BELOW)
                .bind("head", head)
                .bind("limit", limit)
                .map(R2dbcSettlementRepository::toSettlement)
                .all();
    }

    /** The columns of what was signed and sent, shared by the bulk insert and the bulk update. */
    private static GenericExecuteSpec bindSigned(GenericExecuteSpec statement, Columns columns) {
        return statement
                .bind(
                        "senders",
                        columns.of(s -> signed(s).map(SignedTransfer::sender).orElse(null), String[]::new))
                .bind(
                        "nonces",
                        columns.of(s -> signed(s).map(SignedTransfer::nonce).orElse(null), Long[]::new))
                .bind(
                        "txHashes",
                        columns.of(s -> signed(s).map(SignedTransfer::txHash).orElse(null), String[]::new))
                .bind(
                        "lastSentAt",
                        columns.of(s -> s.lastSentAt().map(Instant::toString).orElse(null), String[]::new));
    }

    private static Optional<SignedTransfer> signed(Settlement settlement) {
        return settlement.signed();
    }

    /** One array per column, in the settlements' order, for {@code unnest}; timestamps travel as ISO-8601 text. */
    private record Columns(List<Settlement> settlements) {

        <T> T[] of(Function<Settlement, T> column, IntFunction<T[]> array) {
            return settlements.stream().map(column).toArray(array);
        }
    }

    private static <T> GenericExecuteSpec bindOrNull(
            GenericExecuteSpec statement, String name, Optional<T> value, Class<T> type) {
        return value.isPresent() ? statement.bind(name, value.get()) : statement.bindNull(name, type);
    }

    private static Settlement toSettlement(Readable row) {
        Transfer transfer = new Transfer(
                row.get("token_symbol", String.class),
                row.get("contract_address", String.class),
                row.get("from_address", String.class),
                row.get("to_address", String.class),
                row.get("quantity", Long.class));
        Optional<SignedTransfer> signed = Optional.ofNullable(row.get("tx_hash", String.class))
                .map(txHash -> new SignedTransfer(
                        row.get("sender", String.class),
                        row.get("nonce", Long.class),
                        txHash,
                        row.get("signed_tx", String.class)));
        Long minedBlock = row.get("mined_block", Long.class);
        return Settlement.restore(
                row.get("order_id", UUID.class),
                row.get("user_id", UUID.class),
                Optional.ofNullable(row.get("request_id", String.class)),
                transfer,
                SettlementStatus.valueOf(row.get("status", String.class)),
                signed,
                Optional.ofNullable(row.get("last_sent_at", Instant.class)),
                minedBlock == null ? OptionalLong.empty() : OptionalLong.of(minedBlock),
                row.get("confirmations", Integer.class),
                Optional.ofNullable(row.get("failure_reason", String.class)),
                row.get("version", Long.class));
    }
}
