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
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/** The outbox's scripts and a service's scripts live in two schema histories and never block each other. */
@WithPostgres
class OutboxSchemaTest {

    private static final String FIRST = "classpath:db/schema-test/first";
    private static final String SECOND = "classpath:db/schema-test/second";

    private final String database = TestDatabases.create("outbox_schema");

    @Test
    void adds_the_outbox_beside_a_migrated_service_and_lets_the_services_later_migrations_through()
            throws SQLException {
        serviceFlyway(FIRST).migrate();

        OutboxSchema.migrate(serviceFlyway(FIRST).getConfiguration());
        MigrateResult later = serviceFlyway(FIRST, SECOND).migrate();

        assertThat(later.migrationsExecuted).isEqualTo(1);
        assertThat(tables()).contains("first_table", "second_table", "outbox", "outbox_schema_history");
        assertThat(versions("flyway_schema_history")).containsExactly("1", "2");
        assertThat(versions("outbox_schema_history")).containsExactly("0", "1");
    }

    @Test
    void migrates_nothing_twice() {
        serviceFlyway(FIRST).migrate();
        assertThat(OutboxSchema.migrate(serviceFlyway(FIRST).getConfiguration()).migrationsExecuted)
                .isEqualTo(1);

        MigrateResult again = OutboxSchema.migrate(serviceFlyway(FIRST).getConfiguration());

        assertThat(again.migrationsExecuted).isZero();
        assertThat(serviceFlyway(FIRST).validateWithResult().validationSuccessful)
                .isTrue();
    }

    private Flyway serviceFlyway(String... locations) {
        PostgresServer postgres = Infrastructure.postgres();
        return Flyway.configure()
                .dataSource(postgres.jdbcUrl(database), postgres.username(), postgres.password())
                .locations(locations)
                .load();
    }

    private List<String> tables() throws SQLException {
        return strings("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    }

    private List<String> versions(String history) throws SQLException {
        return strings("SELECT version FROM " + history + " WHERE success ORDER BY installed_rank");
    }

    private List<String> strings(String sql) throws SQLException {
        PostgresServer postgres = Infrastructure.postgres();
        try (Connection connection = DriverManager.getConnection(
                        postgres.jdbcUrl(database), postgres.username(), postgres.password());
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
