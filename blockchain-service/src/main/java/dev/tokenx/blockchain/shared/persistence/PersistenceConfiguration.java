package dev.tokenx.blockchain.shared.persistence;

import io.r2dbc.spi.ConnectionFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

    /** Boot 4 only auto-configures a {@link DatabaseClient} with Spring Data R2DBC, which this service does not use. */
    @Bean
    DatabaseClient databaseClient(ConnectionFactory connectionFactory) {
        return DatabaseClient.create(connectionFactory);
    }
}
