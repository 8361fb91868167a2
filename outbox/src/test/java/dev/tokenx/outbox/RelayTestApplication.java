package dev.tokenx.outbox;

import dev.tokenx.events.Topics;
import dev.tokenx.infra.PostgresServer;
import dev.tokenx.testkit.Infrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The smallest service that publishes through the outbox: R2DBC PostgreSQL, Flyway with one migration of its own,
 * Kafka, and nothing else but the auto-configuration under test.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class RelayTestApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** What actuator would register in a service; the relay's meters land in it. */
    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    NewTopic orderEvents() {
        return TopicBuilder.name(Topics.ORDER_EVENTS).partitions(3).replicas(1).build();
    }

    /** The properties that point the application at the test kit's servers and a database of its own. */
    static void properties(String database, BiConsumer<String, String> property) {
        PostgresServer postgres = Infrastructure.postgres();
        property.accept("spring.main.web-application-type", "none");
        property.accept("spring.r2dbc.url", postgres.r2dbcUrl(database));
        property.accept("spring.r2dbc.username", postgres.username());
        property.accept("spring.r2dbc.password", postgres.password());
        property.accept("spring.r2dbc.pool.initial-size", "2");
        property.accept("spring.r2dbc.pool.max-size", "12");
        property.accept("spring.flyway.url", postgres.jdbcUrl(database));
        property.accept("spring.flyway.user", postgres.username());
        property.accept("spring.flyway.password", postgres.password());
        property.accept("spring.kafka.bootstrap-servers", Infrastructure.kafka().bootstrapServers());
        property.accept("spring.kafka.producer.client-id", "relay-test");
        // An outage must surface within a test's patience.
        property.accept("spring.kafka.producer.properties.max.block.ms", "1500");
        property.accept("spring.kafka.producer.properties.request.timeout.ms", "1500");
        property.accept("spring.kafka.producer.properties.delivery.timeout.ms", "3000");
        property.accept("tokenx.outbox.backoff-max", "1s");
        property.accept("tokenx.outbox.poll-interval", "50ms");
        property.accept("logging.level.org.apache.kafka", "WARN");
        property.accept("logging.level.org.apache.kafka.clients.NetworkClient", "ERROR");
        property.accept("logging.level.org.springframework.kafka.support.LoggingProducerListener", "OFF");
    }
}
