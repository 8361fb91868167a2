package dev.tokenx.loadtests;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Seeds the benchmark investors straight into the order service's PostgreSQL over JDBC.
 *
 * <p>This is a benchmark harness against the local platform, not an API client: the platform has no sign-up or
 * deposit API yet, and a thousand investors cannot share alice without her ledger rows (locked by every order) and
 * per-user rate limits distorting the numbers. So it writes what the demo seed ({@code db/demo/R__demo_seed.sql} in
 * order-service) writes for alice: a KYC-verified account with a wallet, its two cash ledger accounts, and one
 * balanced DEPOSIT journal entry from the funding source. It refuses any database that is not on this machine.
 *
 * <p>Idempotent: identifiers derive from the investor's number ({@link BenchInvestor}), every insert skips rows that
 * exist, and a deposit moves money only when its journal entry is new. Seeding again never funds twice.
 */
final class BenchInvestors {

    /** ₹1,00,00,00,000.00 each: about a million orders of one BLRTECH (₹1,015.00 with fees) per investor. */
    static final BigDecimal DEPOSIT = new BigDecimal("1000000000.00");

    /** A run refuses investors below this: ₹1,00,00,000.00, about ten thousand orders each. */
    static final BigDecimal READY_FLOOR = new BigDecimal("10000000.00");

    private static final String OPEN_ACCOUNTS = """
            INSERT INTO accounts (id, username, kyc_status, wallet_address)
            SELECT bench.id, bench.username, 'VERIFIED', bench.wallet
              FROM unnest(CAST(? AS uuid[]), CAST(? AS varchar[]), CAST(? AS varchar[])) AS bench (id, username, wallet)
            ON CONFLICT DO NOTHING
            """;

    private static final String OPEN_CASH_ACCOUNTS = """
            INSERT INTO ledger_accounts (id, code, owner_id, kind)
            SELECT gen_random_uuid(), 'user:' || account.id || ':cash:' || cash.suffix, account.id, cash.kind
              FROM accounts account
             CROSS JOIN (VALUES ('available', 'USER_CASH_AVAILABLE'), ('held', 'USER_CASH_HELD')) AS cash (suffix, kind)
             WHERE account.id = ANY (CAST(? AS uuid[]))
            ON CONFLICT (code) DO NOTHING
            """;

    /**
     * One balanced entry per new deposit: the investor's available cash up, the funding source down. The funding
     * source is debited once for all of them, because an {@code UPDATE ... FROM} changes a row at most once.
     */
    private static final String DEPOSIT_FUNDS = """
            WITH bench (investor_id, entry_id, username) AS (
                SELECT * FROM unnest(CAST(? AS uuid[]), CAST(? AS uuid[]), CAST(? AS varchar[]))
            ), deposit AS (
                INSERT INTO journal_entries (id, kind, description, created_at)
                SELECT bench.entry_id, 'DEPOSIT', 'Benchmark funding for ' || bench.username, now()
                  FROM bench
                ON CONFLICT (id) DO NOTHING
                RETURNING id
            ), credited AS (
                UPDATE ledger_accounts account
                   SET balance = account.balance + CAST(? AS numeric)
                  FROM bench
                  JOIN deposit ON deposit.id = bench.entry_id
                 WHERE account.code = 'user:' || bench.investor_id || ':cash:available'
                RETURNING account.id, bench.entry_id
            ), debited AS (
                UPDATE ledger_accounts account
                   SET balance = account.balance - CAST(? AS numeric) * (SELECT count(*) FROM credited)
                 WHERE account.code = 'platform:funding'
                   AND EXISTS (SELECT 1 FROM credited)
                RETURNING account.id
            )
            INSERT INTO postings (journal_entry_id, ledger_account_id, amount)
            SELECT credited.entry_id, credited.id, CAST(? AS numeric) FROM credited
             UNION ALL
            SELECT credited.entry_id, debited.id, -CAST(? AS numeric) FROM credited CROSS JOIN debited
            """;

    private static final String COUNT_READY = """
            SELECT count(*)
              FROM accounts account
              JOIN ledger_accounts cash ON cash.code = 'user:' || account.id || ':cash:available'
             WHERE account.id = ANY (CAST(? AS uuid[]))
               AND account.kyc_status = 'VERIFIED'
               AND account.wallet_address IS NOT NULL
               AND cash.balance >= CAST(? AS numeric)
            """;

    private final String jdbcUrl;
    private final String user;
    private final String password;

    BenchInvestors(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    static BenchInvestors of(BenchSettings settings) {
        return new BenchInvestors(settings.jdbcUrl(), settings.databaseUser(), settings.databasePassword());
    }

    /** What seeding did: how many investors were new, how many got their deposit now. */
    record Seeded(List<BenchInvestor> investors, int accountsOpened, int depositsMade) {}

    /**
     * Makes sure investors {@code bench-0001} to {@code bench-<count>} exist, KYC-verified and funded.
     *
     * @throws IllegalStateException when some of them exist but cannot trade (KYC changed, funds spent)
     */
    Seeded seed(int count) {
        List<BenchInvestor> investors =
                IntStream.rangeClosed(1, count).mapToObj(BenchInvestor::number).toList();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            connection.setAutoCommit(false);
            Array ids = connection.createArrayOf("uuid", mapped(investors, BenchInvestor::id));
            int opened = openAccounts(connection, investors, ids);
            openCashAccounts(connection, ids);
            int deposited = deposit(connection, investors, ids);
            connection.commit();
            requireReady(connection, ids, count);
            return new Seeded(investors, opened, deposited);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not seed the benchmark investors into " + jdbcUrl
                            + " (is the platform running? ./run-local.sh): " + e.getMessage(),
                    e);
        }
    }

    private static int openAccounts(Connection connection, List<BenchInvestor> investors, Array ids)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(OPEN_ACCOUNTS)) {
            statement.setArray(1, ids);
            statement.setArray(2, connection.createArrayOf("varchar", mapped(investors, BenchInvestor::username)));
            statement.setArray(3, connection.createArrayOf("varchar", mapped(investors, BenchInvestor::walletAddress)));
            return statement.executeUpdate();
        }
    }

    private static void openCashAccounts(Connection connection, Array ids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(OPEN_CASH_ACCOUNTS)) {
            statement.setArray(1, ids);
            statement.executeUpdate();
        }
    }

    /** @return the number of deposits made now; postings come in pairs */
    private static int deposit(Connection connection, List<BenchInvestor> investors, Array ids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(DEPOSIT_FUNDS)) {
            statement.setArray(1, ids);
            statement.setArray(2, connection.createArrayOf("uuid", mapped(investors, BenchInvestor::depositEntryId)));
            statement.setArray(3, connection.createArrayOf("varchar", mapped(investors, BenchInvestor::username)));
            statement.setBigDecimal(4, DEPOSIT);
            statement.setBigDecimal(5, DEPOSIT);
            statement.setBigDecimal(6, DEPOSIT);
            statement.setBigDecimal(7, DEPOSIT);
            return statement.executeUpdate() / 2;
        }
    }

    private static void requireReady(Connection connection, Array ids, int count) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(COUNT_READY)) {
            statement.setArray(1, ids);
            statement.setBigDecimal(2, READY_FLOOR);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                long ready = rows.getLong(1);
                if (ready < count) {
                    throw new IllegalStateException(("Only %d of the %d benchmark investors are KYC-verified, have a"
                                    + " wallet and at least ₹%s available: someone changed them. Start from a clean"
                                    + " slate with ./run-local.sh --clean.")
                            .formatted(ready, count, READY_FLOOR.toPlainString()));
                }
            }
        }
    }

    private static Object[] mapped(List<BenchInvestor> investors, Function<BenchInvestor, ?> field) {
        return investors.stream().map(field).toArray();
    }
}
