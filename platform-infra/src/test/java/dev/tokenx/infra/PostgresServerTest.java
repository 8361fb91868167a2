package dev.tokenx.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class A_durable_temporary_server {

        private PostgresServer postgres;

        @BeforeAll
        void start() {
            postgres = PostgresServer.start(FreePorts.pick(), null);
        }

        @AfterAll
        void stop() {
            postgres.close();
        }

        @Test
        void answers_select_1_in_a_created_database() throws SQLException {
            postgres.createDatabase("select_one");

            assertThat(queryOne(postgres, "select_one", "SELECT 1")).isEqualTo("1");
            assertThat(queryOne(postgres, "select_one", "SELECT current_database()"))
                    .isEqualTo("select_one");
        }

        @Test
        void keeps_fsync_and_synchronous_commit_on_and_accepts_200_connections() throws SQLException {
            assertThat(queryOne(postgres, "postgres", "SHOW fsync")).isEqualTo("on");
            assertThat(queryOne(postgres, "postgres", "SHOW synchronous_commit"))
                    .isEqualTo("on");
            assertThat(queryOne(postgres, "postgres", "SHOW max_connections")).isEqualTo("200");
        }

        @Test
        void creates_a_database_once_when_asked_concurrently() throws Exception {
            List<Callable<Void>> creations = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String name = i % 2 == 0 ? "shared_db" : "own-db-" + i;
                creations.add(() -> {
                    postgres.createDatabase(name);
                    return null;
                });
            }
            try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
                for (Future<Void> creation : threads.invokeAll(creations)) {
                    creation.get();
                }
            }

            assertThat(queryOne(postgres, "postgres", "SELECT count(*) FROM pg_database WHERE datname = 'shared_db'"))
                    .isEqualTo("1");
            assertThat(queryOne(postgres, "own-db-7", "SELECT 1")).isEqualTo("1");
        }

        @Test
        void builds_urls_for_jdbc_and_r2dbc_on_the_loopback_address() {
            assertThat(postgres.jdbcUrl("orders"))
                    .isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/orders");
            assertThat(postgres.r2dbcUrl("orders"))
                    .isEqualTo("r2dbc:postgresql://127.0.0.1:" + postgres.port() + "/orders");
            assertThat(postgres.username()).isEqualTo("postgres");
        }

        @Test
        void rejects_database_names_that_could_break_out_of_quotes() {
            assertThatThrownBy(() -> postgres.createDatabase("orders\"; DROP DATABASE postgres; --"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void keeps_rows_across_a_restart_in_its_data_folder(@TempDir Path folder) throws SQLException {
        Path dataDir = folder.resolve("postgres");
        try (PostgresServer first = PostgresServer.start(FreePorts.pick(), dataDir)) {
            first.createDatabase("ledger");
            execute(first, "ledger", "CREATE TABLE entry (id int PRIMARY KEY, note text)");
            execute(first, "ledger", "INSERT INTO entry VALUES (1, 'survives a restart')");
        }
        assertThat(dataDir.resolve("PG_VERSION")).exists();

        try (PostgresServer second = PostgresServer.start(FreePorts.pick(), dataDir)) {
            second.createDatabase("ledger");
            assertThat(queryOne(second, "ledger", "SELECT note FROM entry WHERE id = 1"))
                    .isEqualTo("survives a restart");
        }
        assertThat(Files.exists(dataDir)).isTrue();
    }

    @Test
    void claims_a_cluster_made_without_passwords_and_hands_its_tables_to_the_owning_role(@TempDir Path folder)
            throws SQLException {
        Path dataDir = folder.resolve("postgres");
        try (PostgresServer before = PostgresServer.start(FreePorts.pick(), dataDir)) {
            before.createDatabase("ledger");
            execute(before, "ledger", "CREATE TABLE entry (id bigint GENERATED ALWAYS AS IDENTITY, note text)");
            execute(
                    before,
                    "ledger",
                    "CREATE FUNCTION entry_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM entry'");
            execute(before, "ledger", "INSERT INTO entry (note) VALUES ('made by the superuser')");
        }
        String password = "superuser-password-0123";
        try (PostgresServer after = PostgresServer.startWithPasswords(FreePorts.pick(), dataDir, password)) {
            after.createServiceRole("ledger_service", "service-password-0123");
            after.createDatabaseOwnedBy("ledger", "ledger_service");

            assertThatThrownBy(() -> DriverManager.getConnection(after.jdbcUrl("ledger"), "postgres", "postgres"))
                    .hasMessageContaining("password authentication failed");
            try (Connection service = DriverManager.getConnection(
                            after.jdbcUrl("ledger"), "ledger_service", "service-password-0123");
                    Statement statement = service.createStatement()) {
                statement.execute("INSERT INTO entry (note) VALUES ('made by the service')");
                try (ResultSet rows = statement.executeQuery("SELECT entry_count()")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getLong(1)).isEqualTo(2);
                }
            }
        }
        try (PostgresServer again = PostgresServer.startWithPasswords(FreePorts.pick(), dataDir, password)) {
            assertThat(queryOne(
                            again, "ledger", "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'entry'"))
                    .isEqualTo("ledger_service");
        }
    }

    @Test
    void turns_fsync_off_only_when_asked() throws SQLException {
        try (PostgresServer fast = PostgresServer.start(FreePorts.pick(), null, false)) {
            assertThat(queryOne(fast, "postgres", "SHOW fsync")).isEqualTo("off");
            assertThat(queryOne(fast, "postgres", "SHOW synchronous_commit")).isEqualTo("on");
        }
    }

    private static String queryOne(PostgresServer server, String database, String sql) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(server.jdbcUrl(database), server.username(), server.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static void execute(PostgresServer server, String database, String sql) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(server.jdbcUrl(database), server.username(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
