package dev.tokenx.orders.support;

import dev.tokenx.infra.PostgresServer;
import dev.tokenx.testkit.Infrastructure;
import dev.tokenx.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/** A fresh database migrated by the service's own Flyway scripts, for tests of the schema itself. */
public final class MigratedDatabase {

    public static final String MIGRATIONS = "classpath:db/migration";
    public static final String DEMO_DATA = "classpath:db/demo";

    private final String name;

    private MigratedDatabase(String name) {
        this.name = name;
    }

    public static MigratedDatabase create(String prefix, String... locations) {
        MigratedDatabase database = new MigratedDatabase(TestDatabases.create(prefix));
        database.flyway(locations).migrate();
        return database;
    }

    public Flyway flyway(String... locations) {
        PostgresServer postgres = Infrastructure.postgres();
        return Flyway.configure()
                .dataSource(postgres.jdbcUrl(name), postgres.username(), postgres.password())
                .locations(locations)
                .load();
    }

    public Connection connect() throws SQLException {
        PostgresServer postgres = Infrastructure.postgres();
        return DriverManager.getConnection(postgres.jdbcUrl(name), postgres.username(), postgres.password());
    }
}
