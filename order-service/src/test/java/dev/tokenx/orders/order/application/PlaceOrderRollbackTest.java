package dev.tokenx.orders.order.application;

import static dev.tokenx.orders.support.OrderRequests.aBuyRequest;
import static dev.tokenx.orders.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.orders.support.LedgerAudit;
import dev.tokenx.orders.support.ServiceTest;
import dev.tokenx.orders.support.StoreSnapshot;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A placement is one statement, atomic by itself: when any of its writes fails, none of them stays. Failures are forced
 * with real PostgreSQL triggers on the tables the placement writes (balances, journal entry, postings, hold, order,
 * outbox rows), and at its end, where deferred constraints are checked.
 */
class PlaceOrderRollbackTest extends ServiceTest {

    private static final String FAILING_FUNCTION = """
            CREATE OR REPLACE FUNCTION fail_for_rollback_test() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'forced failure on %', TG_TABLE_NAME;
            END;
            $$
            """;

    private String failingTable;

    @AfterEach
    void removeTheFailure() {
        if (failingTable != null) {
            execute("DROP TRIGGER fail_for_rollback_test ON " + failingTable);
        }
    }

    @ParameterizedTest(name = "failing insert into {0}")
    @ValueSource(strings = {"journal_entries", "postings", "funds_holds", "orders", "outbox"})
    void leaves_nothing_behind_when_a_write_fails_mid_transaction(String table) {
        UUID investor = investors().verifiedWithCash("5000.00");
        failOnInsertInto(table, "BEFORE INSERT ON " + table);
        StoreSnapshot before = snapshot();

        assertProblem(api().place(investor, "doomed", aBuyRequest().quantity(2)), 500, "INTERNAL_ERROR");

        assertThat(snapshot()).isEqualTo(before);
        assertThat(investors().available(investor)).isEqualByComparingTo("5000.00");
        assertThat(investors().held(investor)).isEqualByComparingTo("0.00");
        LedgerAudit.assertConsistent(db);
    }

    @Test
    void leaves_nothing_behind_when_a_balance_fails_to_move() {
        UUID investor = investors().verifiedWithCash("5000.00");
        execute(FAILING_FUNCTION);
        execute("CREATE TRIGGER fail_for_rollback_test BEFORE UPDATE ON ledger_accounts"
                + " FOR EACH ROW WHEN (NEW.code LIKE '%:cash:held') EXECUTE FUNCTION fail_for_rollback_test()");
        failingTable = "ledger_accounts";
        StoreSnapshot before = snapshot();

        assertProblem(api().place(investor, "doomed", aBuyRequest()), 500, "INTERNAL_ERROR");

        assertThat(snapshot()).isEqualTo(before);
        LedgerAudit.assertConsistent(db);
    }

    @Test
    void leaves_nothing_behind_when_the_commit_fails() {
        UUID investor = investors().verifiedWithCash("5000.00");
        failOnInsertInto(
                "funds_holds",
                "AFTER INSERT ON funds_holds DEFERRABLE INITIALLY DEFERRED",
                "CREATE CONSTRAINT TRIGGER");
        StoreSnapshot before = snapshot();

        assertProblem(api().place(investor, "doomed", aBuyRequest()), 500, "INTERNAL_ERROR");

        assertThat(snapshot()).isEqualTo(before);
        LedgerAudit.assertConsistent(db);
    }

    @Test
    void does_not_use_up_the_idempotency_key_of_a_failed_attempt() {
        UUID investor = investors().verifiedWithCash("5000.00");
        failOnInsertInto("outbox", "BEFORE INSERT ON outbox");
        assertProblem(api().place(investor, "retry-me", aBuyRequest()), 500, "INTERNAL_ERROR");
        removeTheFailure();
        failingTable = null;

        api().place(investor, "retry-me", aBuyRequest())
                .expectStatus()
                .isAccepted()
                .expectHeader()
                .doesNotExist("Idempotent-Replayed");

        assertThat(investors().available(investor)).isEqualByComparingTo("3985.00");
    }

    private void failOnInsertInto(String table, String timing) {
        failOnInsertInto(table, timing, "CREATE TRIGGER");
    }

    private void failOnInsertInto(String table, String timing, String create) {
        execute(FAILING_FUNCTION);
        execute(create + " fail_for_rollback_test " + timing
                + " FOR EACH ROW EXECUTE FUNCTION fail_for_rollback_test()");
        failingTable = table;
    }

    private void execute(String sql) {
        db.sql(sql).then().block();
    }
}
