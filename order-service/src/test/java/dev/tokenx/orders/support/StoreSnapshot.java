package dev.tokenx.orders.support;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Everything a placement may write: row counts and every ledger balance. Equal snapshots before and after a request
 * prove that the request stored nothing.
 */
public record StoreSnapshot(
        long orders,
        long holds,
        long journalEntries,
        long postings,
        long outboxRows,
        Map<String, BigDecimal> balances) {

    private static final String COUNTS = """
            SELECT (SELECT count(*) FROM orders)          AS orders,
                   (SELECT count(*) FROM funds_holds)     AS holds,
                   (SELECT count(*) FROM journal_entries) AS journal_entries,
                   (SELECT count(*) FROM postings)        AS postings,
                   (SELECT count(*) FROM outbox)          AS outbox
            """;

    static StoreSnapshot of(DatabaseClient db) {
        Map<String, BigDecimal> balances = db.sql("SELECT code, balance FROM ledger_accounts")
                .map(row -> Map.entry(row.get("code", String.class), row.get("balance", BigDecimal.class)))
                .all()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))
                .block();
        return db.sql(COUNTS)
                .map(row -> new StoreSnapshot(
                        row.get("orders", Long.class),
                        row.get("holds", Long.class),
                        row.get("journal_entries", Long.class),
                        row.get("postings", Long.class),
                        row.get("outbox", Long.class),
                        balances))
                .one()
                .block();
    }
}
