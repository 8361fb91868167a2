package dev.tokenx.orders.shared.persistence;

import io.r2dbc.spi.ConnectionFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.Location;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

    static final String DEMO_DATA_LOCATION = "classpath:db/demo";

    /** Boot 4 only auto-configures a {@link DatabaseClient} with Spring Data R2DBC, which this service does not use. */
    @Bean
    DatabaseClient databaseClient(ConnectionFactory connectionFactory) {
        return DatabaseClient.create(connectionFactory);
    }

    /** The demo seed is a separate location, so no other environment can run it by accident. */
    @Bean
    FlywayConfigurationCustomizer demoDataLocation(DemoDataProperties demoData) {
        return configuration -> {
            if (demoData.enabled()) {
                List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
                locations.add(new Location(DEMO_DATA_LOCATION));
                configuration.locations(locations.toArray(Location[]::new));
            }
        };
    }
}
