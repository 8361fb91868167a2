package dev.tokenx.orders.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenx.orders.support.MigratedDatabase;
import dev.tokenx.testkit.WithPostgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database holds the ledger to double entry and orders to their arithmetic on its own, whatever writes to it:
 * the domain's checks are not the only line of defence.
 */
@WithPostgres
class SchemaConstraintsTest {

    private static final String ALICE = "a11ce000-0000-4000-8000-000000000001";
    private static final String ALICE_AVAILABLE = "user:" + ALICE + ":cash:available";
    private static final String CHECK_VIOLATION = "23514";

    private static MigratedDatabase database;

    private Connection connection;

    @BeforeAll
    static void migrate() {
        database = MigratedDatabase.create("schema", MigratedDatabase.MIGRATIONS, MigratedDatabase.DEMO_DATA);
    }

    @BeforeEach
    void open() throws SQLException {
        connection = database.connect();
        connection.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
        connection.close();
    }

    @Test
    void commits_a_balanced_entry() throws SQLException {
        UUID entry = entry();
        post(entry, "platform:funding", "-100.00");
        post(entry, ALICE_AVAILABLE, "100.00");

        connection.commit();

        assertThat(postingSum(entry)).isEqualByComparingTo("0.00");
    }

    @Test
    void refuses_to_commit_an_entry_that_creates_money() throws SQLException {
        UUID entry = entry();
        post(entry, "platform:funding", "-100.00");
        post(entry, ALICE_AVAILABLE, "100.01");

        assertThatThrownBy(connection::commit)
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(CHECK_VIOLATION))
                .hasMessageContaining("unbalanced");
    }

    @Test
    void refuses_to_commit_an_entry_without_postings() throws SQLException {
        entry();

        assertThatThrownBy(connection::commit)
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(CHECK_VIOLATION));
    }

    @Test
    void refuses_a_posting_that_unbalances_an_entry_committed_earlier() throws SQLException {
        UUID entry = entry();
        post(entry, "platform:funding", "-100.00");
        post(entry, ALICE_AVAILABLE, "100.00");
        connection.commit();

        post(entry, "user:" + ALICE + ":cash:held", "1.00");

        assertThatThrownBy(connection::commit).isInstanceOf(SQLException.class).hasMessageContaining("unbalanced");
    }

    @Test
    void checks_an_entry_once_however_many_postings_it_has() throws SQLException {
        execute("SET LOCAL track_functions = 'pl'");
        UUID entry = entry();
        post(entry, "platform:funding", "-100.00");
        post(entry, ALICE_AVAILABLE, "60.00");
        post(entry, "user:" + ALICE + ":cash:held", "40.00");

        // Fires the deferred checks now, inside the transaction, whose function calls PostgreSQL counts.
        execute("SET CONSTRAINTS ALL IMMEDIATE");

        assertThat(single("SELECT pg_stat_get_xact_function_calls('ledger_check_entry_balanced(uuid)'::regprocedure)"))
                .isEqualByComparingTo("1");
    }

    @Test
    void checks_a_posting_added_after_its_entry_was_found_balanced() throws SQLException {
        UUID entry = entry();
        post(entry, "platform:funding", "-100.00");
        post(entry, ALICE_AVAILABLE, "100.00");
        execute("SET CONSTRAINTS ALL IMMEDIATE");

        assertThatThrownBy(() -> post(entry, "user:" + ALICE + ":cash:held", "1.00"))
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(CHECK_VIOLATION))
                .hasMessageContaining("unbalanced");
    }

    @Test
    void keeps_postings_and_entries_append_only() throws SQLException {
        connection.setAutoCommit(true);

        assertThatThrownBy(() -> execute("UPDATE postings SET amount = amount * 2"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("DELETE FROM postings")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("DELETE FROM journal_entries")).hasMessageContaining("append-only");
    }

    @Test
    void refuses_a_negative_balance_on_an_investors_cash() {
        assertThatThrownBy(() ->
                        execute("UPDATE ledger_accounts SET balance = -0.01 WHERE code = '" + ALICE_AVAILABLE + "'"))
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(CHECK_VIOLATION))
                .hasMessageContaining("ledger_accounts_balance_covered");
    }

    @Test
    void lets_the_funding_source_go_below_zero_as_money_comes_in() throws SQLException {
        assertThat(balance("platform:funding")).isEqualByComparingTo("-1000000.00");
    }

    @Test
    void refuses_an_order_whose_total_does_not_add_up() {
        assertThatThrownBy(() -> execute("""
                        INSERT INTO orders (id, user_id, idempotency_key, request_hash, wallet_address, token_symbol, side,
                                            quantity, price, platform_fee, gas_fee, total, status, created_at, updated_at)
                        VALUES (gen_random_uuid(), '%s', 'k', repeat('0', 64), '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
                                'BLRTECH', 'BUY', 1, 1000.00, 10.00, 5.00, 1014.99, 'ACCEPTED', now(), now())
                        """.formatted(ALICE)))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("orders_total_adds_up");
    }

    @Test
    void refuses_an_order_for_no_tokens() {
        assertThatThrownBy(() -> execute("""
                        INSERT INTO orders (id, user_id, idempotency_key, request_hash, wallet_address, token_symbol, side,
                                            quantity, price, platform_fee, gas_fee, total, status, created_at, updated_at)
                        VALUES (gen_random_uuid(), '%s', 'k', repeat('0', 64), '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
                                'BLRTECH', 'BUY', 0, 1000.00, 0.00, 5.00, 5.00, 'ACCEPTED', now(), now())
                        """.formatted(ALICE)))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("orders_quantity_positive");
    }

    private UUID entry() throws SQLException {
        UUID id = UUID.randomUUID();
        execute("INSERT INTO journal_entries (id, kind, created_at) VALUES ('" + id + "', 'DEPOSIT', now())");
        return id;
    }

    private void post(UUID entry, String account, String amount) throws SQLException {
        execute("INSERT INTO postings (journal_entry_id, ledger_account_id, amount) SELECT '" + entry + "', id, "
                + amount + " FROM ledger_accounts WHERE code = '" + account + "'");
    }

    private BigDecimal postingSum(UUID entry) throws SQLException {
        return single("SELECT sum(amount) FROM postings WHERE journal_entry_id = '" + entry + "'");
    }

    private BigDecimal balance(String code) throws SQLException {
        return single("SELECT balance FROM ledger_accounts WHERE code = '" + code + "'");
    }

    private BigDecimal single(String query) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getBigDecimal(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
