package dev.tokenx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.infra.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

@WithPostgres
class WithPostgresTest {

    @Test
    void gives_each_caller_its_own_empty_database() throws SQLException {
        String first = TestDatabases.create("Orders-IT");
        String second = TestDatabases.create("Orders-IT");

        assertThat(first).isNotEqualTo(second).matches("orders_it_\\d+");
        execute(first, "CREATE TABLE marker (id int)");
        assertThat(queryOne(first, "SELECT current_database()")).isEqualTo(first);
        assertThat(queryOne(second, "SELECT count(*) FROM pg_tables WHERE tablename = 'marker'"))
                .isEqualTo("0");
    }

    @Test
    void makes_names_from_any_prefix_safe() throws SQLException {
        String name = TestDatabases.create("42 weird/Prefix");

        assertThat(name).matches("db_42_weird_prefix_\\d+");
        assertThat(queryOne(name, "SELECT 1")).isEqualTo("1");
    }

    @Test
    void trades_fsync_for_speed_but_keeps_synchronous_commit() throws SQLException {
        assertThat(queryOne("postgres", "SHOW fsync")).isEqualTo("off");
        assertThat(queryOne("postgres", "SHOW synchronous_commit")).isEqualTo("on");
    }

    private static String queryOne(String database, String sql) throws SQLException {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static void execute(String database, String sql) throws SQLException {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect(String database) throws SQLException {
        PostgresServer postgres = Infrastructure.postgres();
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
    }
}
