package dev.tokenx.loadtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.tokenx.infra.PostgresServer;
import dev.tokenx.testkit.Infrastructure;
import dev.tokenx.testkit.TestDatabases;
import dev.tokenx.testkit.WithPostgres;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seeds into a database migrated by order-service's own Flyway scripts, read from its source folder: when that schema
 * changes under the harness, this test fails rather than the next benchmark run.
 */
@WithPostgres
class BenchInvestorsTest {

    private static final Path ORDER_SERVICE_MIGRATIONS = Path.of("order-service/src/main/resources/db/migration");

    private String jdbcUrl;
    private BenchInvestors investors;

    @BeforeEach
    void migrated_database() {
        PostgresServer postgres = Infrastructure.postgres();
        jdbcUrl = postgres.jdbcUrl(TestDatabases.create("bench_investors"));
        Flyway.configure()
                .dataSource(jdbcUrl, postgres.username(), postgres.password())
                .locations("filesystem:" + repositoryRoot().resolve(ORDER_SERVICE_MIGRATIONS))
                .load()
                .migrate();
        investors = new BenchInvestors(jdbcUrl, postgres.username(), postgres.password());
    }

    @Test
    void opens_verified_accounts_with_a_wallet_and_funds_them_with_one_balanced_deposit_each() throws SQLException {
        BenchInvestors.Seeded seeded = investors.seed(3);

        assertThat(seeded.accountsOpened()).isEqualTo(3);
        assertThat(seeded.depositsMade()).isEqualTo(3);
        assertThat(seeded.investors())
                .extracting(BenchInvestor::username)
                .containsExactly("bench-0001", "bench-0002", "bench-0003");
        BenchInvestor second = seeded.investors().get(1);
        assertThat(single("SELECT kyc_status || ' ' || wallet_address FROM accounts WHERE username = 'bench-0002'"))
                .isEqualTo("VERIFIED " + second.walletAddress());
        assertThat(balance("user:" + second.id() + ":cash:available")).isEqualByComparingTo(BenchInvestors.DEPOSIT);
        assertThat(balance("user:" + second.id() + ":cash:held")).isZero();
        assertThat(balance("platform:funding"))
                .isEqualByComparingTo(BenchInvestors.DEPOSIT.multiply(BigDecimal.valueOf(-3)));
        assertThat(single("""
                        SELECT count(*) || ' entries, ' || sum(lines) || ' postings, ' || count(*) FILTER (WHERE total <> 0)
                               || ' unbalanced'
                          FROM (SELECT entry.id, count(posting.id) AS lines, coalesce(sum(posting.amount), 0) AS total
                                  FROM journal_entries entry JOIN postings posting ON posting.journal_entry_id = entry.id
                                 WHERE entry.kind = 'DEPOSIT'
                                 GROUP BY entry.id) AS deposits
                        """)).isEqualTo("3 entries, 6 postings, 0 unbalanced");
    }

    @Test
    void seeding_again_opens_and_funds_only_the_investors_that_are_new() throws SQLException {
        investors.seed(2);

        BenchInvestors.Seeded again = investors.seed(3);

        assertThat(again.accountsOpened()).isEqualTo(1);
        assertThat(again.depositsMade()).isEqualTo(1);
        assertThat(single("SELECT count(*) FROM accounts WHERE username LIKE 'bench-%'"))
                .isEqualTo("3");
        assertThat(single("SELECT count(*) FROM journal_entries")).isEqualTo("3");
        assertThat(balance("user:" + BenchInvestor.number(1).id() + ":cash:available"))
                .isEqualByComparingTo(BenchInvestors.DEPOSIT);
        assertThat(balance("platform:funding"))
                .isEqualByComparingTo(BenchInvestors.DEPOSIT.multiply(BigDecimal.valueOf(-3)));
    }

    @Test
    void refuses_to_run_with_investors_that_can_no_longer_trade() throws SQLException {
        investors.seed(2);
        execute("UPDATE accounts SET kyc_status = 'REJECTED' WHERE username = 'bench-0002'");

        assertThatIllegalStateException()
                .isThrownBy(() -> investors.seed(2))
                .withMessageContaining("Only 1 of the 2 benchmark investors are KYC-verified");
    }

    private BigDecimal balance(String code) throws SQLException {
        return new BigDecimal(single("SELECT balance FROM ledger_accounts WHERE code = '" + code + "'"));
    }

    private String single(String sql) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            assertThat(rows.next()).as("a row from %s", sql).isTrue();
            return rows.getString(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private Connection connect() throws SQLException {
        PostgresServer postgres = Infrastructure.postgres();
        return DriverManager.getConnection(jdbcUrl, postgres.username(), postgres.password());
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(ORDER_SERVICE_MIGRATIONS))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "No order-service migrations above " + Path.of("").toAbsolutePath());
    }
}
