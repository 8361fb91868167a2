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

    @BeforeAll
    static void startPostgresAsTheLauncherDoes() throws SQLException {
        credentials = LocalCredentials.in(folder);
        postgres = LocalInfrastructure.startPostgres(FreePorts.pick(), folder.resolve("postgres"), credentials);
        // What blockchain-service's migrations do: its own table, in its own database, as its own role.
        try (Connection blockchain =
                        connect(LocalInfrastructure.BLOCKCHAIN_DATABASE, LocalInfrastructure.BLOCKCHAIN_DATABASE);
                Statement statement = blockchain.createStatement()) {
            statement.execute("CREATE TABLE settlement (order_id uuid PRIMARY KEY, signed_tx text)");
            statement.execute("INSERT INTO settlement VALUES (gen_random_uuid(), '0xsigned')");
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
            assertThatThrownBy(() -> statement.executeQuery("SELECT signed_tx FROM settlement"))
                    .hasMessageContaining("permission denied for table settlement");
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
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM settlement")) {
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
