package dev.tokenx.outbox;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;

/**
 * Migrates the outbox table with the service's Flyway connection but in a schema history of its own ({@value
 * #HISTORY_TABLE}), after the service's own migrations.
 *
 * <p>A history of its own because one shared version sequence cannot work for a library: whatever version the
 * outbox's script had, a service's later migration would be numbered below it (or the library's next script below
 * the service's latest), and Flyway refuses a resolved migration older than the latest applied one ({@code outOfOrder}
 * is off by default, and should stay off for the service's own scripts). With two histories, each side numbers its
 * scripts from 1 and neither ever blocks the other. The outbox table is the library's alone: no service migration
 * references it.
 */
final class OutboxSchema implements InitializingBean {

    static final String LOCATION = "classpath:db/outbox";
    static final String HISTORY_TABLE = "outbox_schema_history";

    private final Flyway serviceFlyway;
    private final ObjectProvider<FlywayMigrationInitializer> serviceMigration;

    OutboxSchema(Flyway serviceFlyway, ObjectProvider<FlywayMigrationInitializer> serviceMigration) {
        this.serviceFlyway = serviceFlyway;
        this.serviceMigration = serviceMigration;
    }

    @Override
    public void afterPropertiesSet() {
        // Resolving the initializer runs the service's migration first: it must find the schema as it left it, and the
        // outbox's history is then created beside it (baseline 0) rather than in an empty schema.
        serviceMigration.ifAvailable(migrated -> {});
        migrate(serviceFlyway.getConfiguration());
    }

    /** Applies the outbox's scripts to the database and schema the service's Flyway configuration points at. */
    static MigrateResult migrate(Configuration service) {
        return Flyway.configure(service.getClassLoader())
                .dataSource(service.getDataSource())
                .defaultSchema(service.getDefaultSchema())
                .schemas(service.getSchemas())
                .table(HISTORY_TABLE)
                .locations(LOCATION)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
