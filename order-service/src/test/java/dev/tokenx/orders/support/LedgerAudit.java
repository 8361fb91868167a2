package dev.tokenx.orders.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.r2dbc.core.DatabaseClient;

/** The ledger's invariants, checked over the whole database. */
public final class LedgerAudit {

    private LedgerAudit() {}

    /** Every entry sums to zero, and every balance is the sum of its account's postings. */
    public static void assertConsistent(DatabaseClient db) {
        Long unbalancedEntries =
                db.sql("""
                        SELECT count(*) AS unbalanced
                          FROM (SELECT journal_entry_id FROM postings GROUP BY journal_entry_id HAVING sum(amount) <> 0) e
                        """).map(row -> row.get("unbalanced", Long.class)).one().block();
        Long driftingAccounts =
                db.sql("""
                        SELECT count(*) AS drifting
                          FROM ledger_accounts account
                         WHERE account.balance <> (SELECT coalesce(sum(p.amount), 0)
                                                     FROM postings p
                                                    WHERE p.ledger_account_id = account.id)
                        """).map(row -> row.get("drifting", Long.class)).one().block();

        assertThat(unbalancedEntries)
                .as("journal entries that do not sum to zero")
                .isZero();
        assertThat(driftingAccounts)
                .as("accounts whose balance is not the sum of their postings")
                .isZero();
    }
}
