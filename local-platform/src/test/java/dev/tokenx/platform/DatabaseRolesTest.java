package dev.tokenx.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenx.infra.FreePorts;
import dev.tokenx.infra.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL as the launcher starts it: each service logs in as its own role, which owns its database and no other. */
class DatabaseRolesTest {

    @TempDir
    static Path folder;

    private static LocalCredentials credentials;
    private static PostgresServer postgres;
    private static MigrateResult ordersMigrated;
    private static MigrateResult blockchainMigrated;

    @BeforeAll
    static void startPostgresAsTheLauncherDoes() throws SQLException {
        credentials = LocalCredentials.in(folder);
        postgres = LocalInfrastructure.startPostgres(FreePorts.pick(), folder.resolve("postgres"), credentials);
        Path root = PlatformSettings.findRepoRoot(Path.of(""));
        ordersMigrated = migrate(
                LocalInfrastructure.ORDERS_DATABASE,
                root.resolve("order-service/src/main/resources/db/migration"),
                root.resolve("order-service/src/main/resources/db/demo"));
        blockchainMigrated = migrate(
                LocalInfrastructure.BLOCKCHAIN_DATABASE,
                root.resolve("blockchain-service/src/main/resources/db/migration"));
        // A table of blockchain-service's, in its own database, made by its own role.
        try (Connection blockchain =
                        connect(LocalInfrastructure.BLOCKCHAIN_DATABASE, LocalInfrastructure.BLOCKCHAIN_DATABASE);
                Statement statement = blockchain.createStatement()) {
            statement.execute("CREATE TABLE settlement_probe (order_id uuid PRIMARY KEY, signed_tx text)");
            statement.execute("INSERT INTO settlement_probe VALUES (gen_random_uuid(), '0xsigned')");
        }
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void the_order_service_role_cannot_read_the_blockchain_services_tables() {
        assertThatThrownBy(() -> connect(LocalInfrastructure.BLOCKCHAIN_DATABASE, LocalInfrastructure.ORDERS_DATABASE))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied for database");
    }

    @Test
    void the_blockchain_services_tables_stay_closed_to_the_order_service_role_even_when_connect_is_granted()
            throws SQLException {
        try (Connection admin = DriverManager.getConnection(
                        postgres.jdbcUrl(LocalInfrastructure.BLOCKCHAIN_DATABASE),
                        postgres.username(),
                        postgres.password());
                Statement statement = admin.createStatement()) {
            statement.execute("GRANT CONNECT ON DATABASE blockchain TO order_service");
        }
        try (Connection orders = connect(LocalInfrastructure.BLOCKCHAIN_DATABASE, LocalInfrastructure.ORDERS_DATABASE);
                Statement statement = orders.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT signed_tx FROM settlement_probe"))
                    .hasMessageContaining("permission denied for table settlement_probe");
        } finally {
            try (Connection admin = DriverManager.getConnection(
                            postgres.jdbcUrl(LocalInfrastructure.BLOCKCHAIN_DATABASE),
                            postgres.username(),
                            postgres.password());
                    Statement statement = admin.createStatement()) {
                statement.execute("REVOKE CONNECT ON DATABASE blockchain FROM order_service");
            }
        }
    }

    @Test
    void a_service_role_migrates_its_own_database_and_is_no_superuser() throws SQLException {
        try (Connection orders = connect(LocalInfrastructure.ORDERS_DATABASE, LocalInfrastructure.ORDERS_DATABASE);
                Statement statement = orders.createStatement()) {
            statement.execute("CREATE TABLE orders_probe (id int)");
            try (ResultSet role = statement.executeQuery(
                    "SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = current_user")) {
                assertThat(role.next()).isTrue();
                assertThat(role.getBoolean(1)).isFalse();
                assertThat(role.getBoolean(2)).isFalse();
                assertThat(role.getBoolean(3)).isFalse();
            }
            assertThatThrownBy(() -> statement.execute("CREATE DATABASE stolen"))
                    .hasMessageContaining("permission denied to create database");
        }
    }

    @Test
    void each_services_migrations_and_the_demo_seed_ran_as_its_own_role() {
        assertThat(ordersMigrated.success).isTrue();
        assertThat(ordersMigrated.migrationsExecuted).isPositive();
        assertThat(blockchainMigrated.success).isTrue();
        assertThat(blockchainMigrated.migrationsExecuted).isPositive();
    }

    /** What Flyway does at each service's start, with the services' own migrations, before anything else. */
    private static MigrateResult migrate(String database, Path... locations) {
        LocalInfrastructure.Login login = LocalInfrastructure.databaseLogin(credentials, database);
        return Flyway.configure()
                .dataSource(postgres.jdbcUrl(database), login.username(), login.password())
                .locations(Stream.of(locations)
                        .map(location -> "filesystem:" + location)
                        .toArray(String[]::new))
                .load()
                .migrate();
    }

    @Test
    void a_login_without_the_password_is_refused() {
        assertThatThrownBy(() -> DriverManager.getConnection(
                        postgres.jdbcUrl(LocalInfrastructure.ORDERS_DATABASE), "order_service", "postgres"))
                .hasMessageContaining("password authentication failed");
        assertThatThrownBy(() -> DriverManager.getConnection(
                        postgres.jdbcUrl(LocalInfrastructure.ORDERS_DATABASE), "postgres", "postgres"))
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void a_restart_on_the_kept_data_keeps_every_login() throws SQLException {
        int port = postgres.port();
        postgres.close();
        postgres = LocalInfrastructure.startPostgres(port, folder.resolve("postgres"), credentials);

        try (Connection blockchain =
                        connect(LocalInfrastructure.BLOCKCHAIN_DATABASE, LocalInfrastructure.BLOCKCHAIN_DATABASE);
                Statement statement = blockchain.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM settlement_probe")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    /** Connects to {@code database} as the role of the service that owns {@code asOwnerOf}. */
    private static Connection connect(String database, String asOwnerOf) throws SQLException {
        LocalInfrastructure.Login login = LocalInfrastructure.databaseLogin(credentials, asOwnerOf);
        return DriverManager.getConnection(postgres.jdbcUrl(database), login.username(), login.password());
    }
}
