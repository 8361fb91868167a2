package dev.tokenx.orders.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.orders.support.MigratedDatabase;
import dev.tokenx.testkit.WithPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The local platform's demo data: separate from the schema, complete, balanced, and safe to run again. */
@WithPostgres
class DemoSeedTest {

    private static final String ALICE = "a11ce000-0000-4000-8000-000000000001";

    @Test
    void lists_the_two_demo_tokens() throws SQLException {
        MigratedDatabase database = withDemoData();

        assertThat(rows(database, "SELECT symbol || ' ' || name || ' ' || price_inr FROM tokens ORDER BY symbol"))
                .containsExactly("BLRTECH Bengaluru Tech Park 1000.00", "MUMSEA Mumbai Sea View Towers 2500.00");
    }

    @Test
    void opens_alice_bob_and_admin_with_their_fixed_ids() throws SQLException {
        MigratedDatabase database = withDemoData();

        assertThat(rows(
                        database,
                        "SELECT id || ' ' || username || ' ' || kyc_status || ' ' || coalesce(wallet_address, '-')"
                                + " FROM accounts ORDER BY username"))
                .containsExactly(
                        "ad000000-0000-4000-8000-000000000003 admin NOT_SUBMITTED -",
                        ALICE + " alice VERIFIED 0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
                        "b0b00000-0000-4000-8000-000000000002 bob PENDING -");
    }

    @Test
    void funds_alice_with_ten_lakh_rupees_by_one_balanced_deposit() throws SQLException {
        MigratedDatabase database = withDemoData();

        assertThat(ledger(database))
                .containsExactly(
                        "platform:funding -1000000.00",
                        "user:" + ALICE + ":cash:available 1000000.00",
                        "user:" + ALICE + ":cash:held 0.00");
        assertThat(rows(
                        database,
                        "SELECT kind || ' ' || sum(p.amount) || ' ' || count(*) FROM journal_entries e"
                                + " JOIN postings p ON p.journal_entry_id = e.id GROUP BY e.id, e.kind"))
                .containsExactly("DEPOSIT 0.00 2");
    }

    @Test
    void changes_nothing_when_run_again() throws SQLException, IOException {
        MigratedDatabase database = withDemoData();
        List<String> before = ledger(database);

        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(demoSeedScript());
        }
        database.flyway(MigratedDatabase.MIGRATIONS, MigratedDatabase.DEMO_DATA).migrate();

        assertThat(ledger(database)).isEqualTo(before);
        assertThat(rows(database, "SELECT count(*) FROM journal_entries")).containsExactly("1");
        assertThat(rows(database, "SELECT count(*) FROM accounts")).containsExactly("3");
    }

    @Test
    void is_left_out_unless_asked_for() throws SQLException {
        MigratedDatabase database = MigratedDatabase.create("schema_only", MigratedDatabase.MIGRATIONS);

        assertThat(rows(database, "SELECT count(*) FROM tokens")).containsExactly("0");
        assertThat(rows(database, "SELECT count(*) FROM accounts")).containsExactly("0");
        assertThat(rows(database, "SELECT code FROM ledger_accounts"))
                .as("only the platform's own accounts")
                .containsExactlyInAnyOrder("platform:funding", "treasury:proceeds", "platform:fees", "platform:gas");
    }

    private static MigratedDatabase withDemoData() {
        return MigratedDatabase.create("demo", MigratedDatabase.MIGRATIONS, MigratedDatabase.DEMO_DATA);
    }

    private static List<String> ledger(MigratedDatabase database) throws SQLException {
        return rows(
                database,
                "SELECT code || ' ' || balance FROM ledger_accounts WHERE code = 'platform:funding' OR owner_id = '"
                        + ALICE + "' ORDER BY code");
    }

    private static String demoSeedScript() throws IOException {
        try (InputStream script = DemoSeedTest.class.getResourceAsStream("/db/demo/R__demo_seed.sql")) {
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> rows(MigratedDatabase database, String query) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            List<String> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(result.getString(1));
            }
            return rows;
        }
    }
}
