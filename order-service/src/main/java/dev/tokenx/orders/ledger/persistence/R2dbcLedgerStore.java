package dev.tokenx.orders.ledger.persistence;

import dev.tokenx.orders.ledger.application.LedgerStore;
import dev.tokenx.orders.ledger.domain.HoldSettlement;
import dev.tokenx.orders.ledger.domain.JournalEntry;
import dev.tokenx.orders.ledger.domain.LedgerAccountCode;
import dev.tokenx.orders.ledger.domain.Posting;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Settles a hold: its status, its journal entry, its postings and the balance changes in one statement. Each balance
 * moves only if it stays covered ({@code balance + change >= 0}, evaluated on the locked row); the entry is written
 * only if every posting's balance moved, else the caller's transaction rolls the partial moves back.
 */
@Repository
class R2dbcLedgerStore implements LedgerStore {

    /*
     * The hold must still be open and hold exactly the settled amount; only then do the balances move (the join with
     * `hold` makes `moved` empty otherwise), and only if every posting moved is the entry written. The answer is the
     * number of postings written.
     */
    private static final String RECORD_SETTLEMENT = """
            WITH hold AS (
                UPDATE funds_holds
                   SET status = :outcome
                 WHERE order_id = :orderId AND status = 'HELD' AND amount = :heldAmount
             RETURNING id
            ), lines (code, amount) AS (
                VALUES %s
            ), moved AS (
                UPDATE ledger_accounts account
                   SET balance = account.balance + lines.amount
                  FROM lines CROSS JOIN hold
                 WHERE account.code = lines.code
                   AND (account.balance + lines.amount >= 0 OR account.may_go_negative)
             RETURNING account.id, lines.amount
            ), entry AS (
                INSERT INTO journal_entries (id, kind, order_id, created_at)
                SELECT :entryId, :entryKind, :orderId, :recordedAt
                 WHERE (SELECT count(*) FROM moved) = :postingCount
             RETURNING id
            )
            INSERT INTO postings (journal_entry_id, ledger_account_id, amount)
            SELECT entry.id, moved.id, moved.amount
              FROM entry CROSS JOIN moved
            """;

    private static final String LOCK_PLATFORM_ACCOUNTS =
            "SELECT id FROM ledger_accounts WHERE code = ANY(:codes) ORDER BY code FOR UPDATE";

    // PostgreSQL locks the rows of `ORDER BY ... FOR UPDATE` in the sorted order (the lock step runs after the sort).
    private static final String LOCK_INVESTORS_CASH = """
            SELECT account.id
              FROM ledger_accounts account
              JOIN orders ON orders.user_id = account.owner_id
             WHERE orders.id = ANY(:orderIds)
             ORDER BY account.owner_id, account.id
               FOR UPDATE OF account
            """;

    private static final String[] PLATFORM_ACCOUNTS = {
        LedgerAccountCode.GAS_FEES.value(),
        LedgerAccountCode.PLATFORM_FEES.value(),
        LedgerAccountCode.TREASURY_PROCEEDS.value()
    };

    private final DatabaseClient db;

    /** Captures have two to four postings (zero fees are left out), releases two. */
    private final Map<Integer, String> recordSettlementByPostingCount = new ConcurrentHashMap<>();

    R2dbcLedgerStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Boolean> recordSettlement(HoldSettlement settlement) {
        JournalEntry entry = settlement.entry();
        int postingCount = entry.postings().size();
        String sql = recordSettlementByPostingCount.computeIfAbsent(
                postingCount, count -> RECORD_SETTLEMENT.formatted(valuesFor(count)));
        GenericExecuteSpec statement = bindPostings(db.sql(sql), entry.postings())
                .bind("outcome", settlement.outcome().name())
                .bind("orderId", settlement.orderId())
                .bind("heldAmount", settlement.heldAmount().amount())
                .bind("entryId", entry.id())
                .bind("entryKind", entry.kind().name())
                .bind("recordedAt", entry.recordedAt())
                .bind("postingCount", (long) postingCount);
        return statement.fetch().rowsUpdated().map(rows -> rows == postingCount);
    }

    @Override
    public Mono<Void> lockForSettlement(List<UUID> orderIds, boolean platformAccounts) {
        Mono<Void> investors = db.sql(LOCK_INVESTORS_CASH)
                .bind("orderIds", orderIds.toArray(UUID[]::new))
                .fetch()
                .all()
                .then();
        if (!platformAccounts) {
            return investors;
        }
        return db.sql(LOCK_PLATFORM_ACCOUNTS)
                .bind("codes", PLATFORM_ACCOUNTS)
                .fetch()
                .all()
                .then(investors);
    }

    private static String valuesFor(int postingCount) {
        return IntStream.range(0, postingCount)
                .mapToObj(i -> "(CAST(:code%d AS varchar), CAST(:amount%d AS numeric))".formatted(i, i))
                .collect(Collectors.joining(", "));
    }

    private static GenericExecuteSpec bindPostings(GenericExecuteSpec statement, List<Posting> postings) {
        GenericExecuteSpec bound = statement;
        for (int i = 0; i < postings.size(); i++) {
            Posting posting = postings.get(i);
            bound = bound.bind("code" + i, posting.account().value())
                    .bind("amount" + i, posting.amount().amount());
        }
        return bound;
    }
}
