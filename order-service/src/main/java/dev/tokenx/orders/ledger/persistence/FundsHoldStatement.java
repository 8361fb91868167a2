package dev.tokenx.orders.ledger.persistence;

import dev.tokenx.orders.ledger.domain.FundsHold;
import dev.tokenx.orders.ledger.domain.JournalEntry;
import dev.tokenx.orders.ledger.domain.Posting;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * A funds hold as CTEs of the caller's statement, so that a placement writes its order, its hold and its events in one
 * statement: one round trip, atomic without a transaction.
 *
 * <p>The account the hold takes from is debited only if it covers the amount (evaluated on the locked row, so
 * concurrent orders cannot overdraw); the journal entry, its postings, the credit and the hold row follow only from
 * that debit. {@value #WRITTEN} then holds one row, the order id, and none when the cash did not cover it, for the
 * caller's writes to depend on. Should the credited account be missing, the entry would have one posting and the
 * ledger's balance rule would fail the whole statement: balances never move without their postings.
 */
public final class FundsHoldStatement {

    /** The CTE that holds the order id when the hold was written. */
    public static final String WRITTEN = "hold_written";

    private static final String CTES = """
            hold_debited AS (
                UPDATE ledger_accounts
                   SET balance = balance + CAST(:holdDebit AS numeric)
                 WHERE code = :holdDebitAccount
                   AND (balance + CAST(:holdDebit AS numeric) >= 0 OR may_go_negative)
                   AND (%s)
             RETURNING id
            ), hold_credited AS (
                UPDATE ledger_accounts credited
                   SET balance = credited.balance + CAST(:holdCredit AS numeric)
                  FROM hold_debited
                 WHERE credited.code = :holdCreditAccount
             RETURNING credited.id
            ), hold_entry AS (
                INSERT INTO journal_entries (id, kind, order_id, created_at)
                SELECT :holdEntryId, :holdEntryKind, :holdOrderId, :holdRecordedAt
                  FROM hold_debited
             RETURNING id
            ), hold_postings AS (
                INSERT INTO postings (journal_entry_id, ledger_account_id, amount)
                SELECT hold_entry.id, hold_debited.id, CAST(:holdDebit AS numeric)
                  FROM hold_entry CROSS JOIN hold_debited
                 UNION ALL
                SELECT hold_entry.id, hold_credited.id, CAST(:holdCredit AS numeric)
                  FROM hold_entry CROSS JOIN hold_credited
            ), hold_written AS (
                INSERT INTO funds_holds (id, order_id, user_id, amount, status, journal_entry_id, created_at)
                SELECT :holdId, :holdOrderId, :holdUserId, :holdAmount, 'HELD', hold_entry.id, :holdRecordedAt
                  FROM hold_entry
             RETURNING order_id
            )""";

    private FundsHoldStatement() {}

    /**
     * The CTEs, for a {@code WITH} clause ({@code "WITH " + ctesWhen(…) + ", …"}), their parameters named {@code
     * hold…}. Nothing is held unless {@code condition} holds: a boolean SQL expression of the caller's, over its own
     * earlier CTEs or parameters ({@code "true"} for none), so that the caller's precondition and the hold are one
     * decision.
     */
    public static String ctesWhen(String condition) {
        return CTES.formatted(condition);
    }

    /** @throws IllegalArgumentException when the hold's entry is not one debit and one credit, as holds are */
    public static GenericExecuteSpec bind(GenericExecuteSpec statement, FundsHold hold) {
        JournalEntry entry = hold.entry();
        Posting debit = single(entry.postings().stream()
                .filter(posting -> !posting.amount().isPositive())
                .toList());
        Posting credit = single(entry.postings().stream()
                .filter(posting -> posting.amount().isPositive())
                .toList());
        return statement
                .bind("holdDebit", debit.amount().amount())
                .bind("holdDebitAccount", debit.account().value())
                .bind("holdCredit", credit.amount().amount())
                .bind("holdCreditAccount", credit.account().value())
                .bind("holdEntryId", entry.id())
                .bind("holdEntryKind", entry.kind().name())
                .bind("holdOrderId", hold.orderId())
                .bind("holdRecordedAt", entry.recordedAt())
                .bind("holdId", hold.id())
                .bind("holdUserId", hold.userId())
                .bind("holdAmount", hold.amount().amount());
    }

    private static Posting single(List<Posting> postings) {
        if (postings.size() != 1) {
            throw new IllegalArgumentException("A hold moves cash from one account to one other: " + postings);
        }
        return postings.getFirst();
    }
}
