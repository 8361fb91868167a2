package dev.tokenx.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.infra.PostgresServer;
import dev.tokenx.testkit.Infrastructure;
import dev.tokenx.testkit.TestDatabases;
import dev.tokenx.testkit.WithPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The claim stays index-backed with a large backlog (200,000 unpublished rows, two per key, behind 100,000 published
 * ones), both as planned for its first executions and as the generic plan a prepared statement switches to.
 */
@WithPostgres
class ClaimPlanTest {

    private static String database;

    @BeforeAll
    static void backlog() throws SQLException {
        database = TestDatabases.create("outbox_plan");
        PostgresServer postgres = Infrastructure.postgres();
        Flyway service = Flyway.configure()
                .dataSource(postgres.jdbcUrl(database), postgres.username(), postgres.password())
                .locations("classpath:db/migration")
                .load();
        service.migrate();
        OutboxSchema.migrate(service.getConfiguration());
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO outbox (event_id, event_type, topic, message_key, payload, published_at)
                    SELECT gen_random_uuid(), 'OrderPlaced', 'orders.order-events', 'key-' || (n / 2), '{}',
                           CASE WHEN n <= 100000 THEN now() END
                      FROM generate_series(1, 300000) AS n
                    """);
            statement.execute("VACUUM ANALYZE outbox");
        }
    }

    @Test
    void uses_the_unpublished_indexes_with_literal_parameters() throws SQLException {
        String plan =
                plan("EXPLAIN " + OutboxStore.CLAIM.replace(":limit", "500").replace(":rowsPerKey", "4"));

        assertIndexBacked(plan);
    }

    @Test
    void uses_the_unpublished_indexes_as_a_generic_prepared_plan() throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("SET plan_cache_mode = force_generic_plan");
            statement.execute("PREPARE claim (bigint, bigint) AS "
                    + OutboxStore.CLAIM.replace(":limit", "$1").replace(":rowsPerKey", "$2"));
            assertIndexBacked(lines(statement, "EXPLAIN EXECUTE claim (500, 4)"));
        }
    }

    private static void assertIndexBacked(String plan) {
        assertThat(plan)
                .as(plan)
                .doesNotContain("Seq Scan")
                .contains("outbox_unpublished on outbox candidate")
                .contains("outbox_unpublished_by_key on outbox older")
                .contains("outbox_unpublished_by_key on outbox queued");
    }

    private static String plan(String explain) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            return lines(statement, explain);
        }
    }

    private static String lines(Statement statement, String explain) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(explain)) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        }
        return String.join("\n", lines);
    }

    private static Connection connect() throws SQLException {
        PostgresServer postgres = Infrastructure.postgres();
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
    }
}
