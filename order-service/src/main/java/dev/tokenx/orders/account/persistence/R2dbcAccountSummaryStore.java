package dev.tokenx.orders.account.persistence;

import dev.tokenx.orders.account.application.AccountSummaryStore;
import dev.tokenx.orders.account.domain.AccountSummary;
import dev.tokenx.orders.account.domain.KycStatus;
import dev.tokenx.orders.account.domain.Trader;
import dev.tokenx.orders.shared.money.Inr;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * One statement, so the balances and the holdings are of the same moment: a row per holding, the account's columns
 * repeated on each (one row with no holding when there is none).
 */
@Repository
class R2dbcAccountSummaryStore implements AccountSummaryStore {

    private static final String FIND = """
            SELECT a.id, a.kyc_status, a.wallet_address,
                   coalesce(available.balance, 0) AS available,
                   coalesce(held.balance, 0) AS held,
                   h.token_symbol, h.quantity
              FROM accounts a
              LEFT JOIN ledger_accounts available ON available.owner_id = a.id AND available.kind = 'USER_CASH_AVAILABLE'
              LEFT JOIN ledger_accounts held ON held.owner_id = a.id AND held.kind = 'USER_CASH_HELD'
              LEFT JOIN holdings h ON h.user_id = a.id AND h.quantity > 0
             WHERE a.id = :id
             ORDER BY h.token_symbol
            """;

    private final DatabaseClient db;

    R2dbcAccountSummaryStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<AccountSummary> find(UUID userId) {
        return db.sql(FIND)
                .bind("id", userId)
                .map(row -> new Row(account(row), holding(row)))
                .all()
                .collectList()
                .filter(rows -> !rows.isEmpty())
                .map(R2dbcAccountSummaryStore::toSummary);
    }

    private record Row(AccountSummary account, Optional<AccountSummary.Holding> holding) {}

    private static AccountSummary account(Readable row) {
        return new AccountSummary(
                new Trader(
                        row.get("id", UUID.class),
                        KycStatus.valueOf(row.get("kyc_status", String.class)),
                        Optional.ofNullable(row.get("wallet_address", String.class))),
                Inr.of(row.get("available", BigDecimal.class)),
                Inr.of(row.get("held", BigDecimal.class)),
                List.of());
    }

    private static Optional<AccountSummary.Holding> holding(Readable row) {
        return Optional.ofNullable(row.get("token_symbol", String.class))
                .map(symbol -> new AccountSummary.Holding(
                        symbol, Objects.requireNonNull(row.get("quantity", Long.class), "quantity")));
    }

    private static AccountSummary toSummary(List<Row> rows) {
        AccountSummary account = rows.getFirst().account();
        List<AccountSummary.Holding> holdings =
                rows.stream().flatMap(row -> row.holding().stream()).toList();
        return new AccountSummary(account.trader(), account.cashAvailable(), account.cashHeld(), holdings);
    }
}
