package dev.tokenx.orders.support;

import dev.tokenx.infra.PostgresServer;
import dev.tokenx.testkit.Infrastructure;
import java.util.function.BiConsumer;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The properties that point the service at the test kit's servers. */
public final class TestInfrastructure {

    public static final String JWT_SECRET = "test-only-secret-0123456789abcdef0123456789";

    private TestInfrastructure() {}

    public static void register(DynamicPropertyRegistry registry, String database) {
        properties(database, (name, value) -> registry.add(name, () -> value));
    }

    /** The same properties as {@code --name=value} arguments, for a second instance of the service. */
    public static void properties(String database, BiConsumer<String, String> property) {
        PostgresServer postgres = Infrastructure.postgres();
        property.accept("spring.r2dbc.url", postgres.r2dbcUrl(database));
        property.accept("spring.r2dbc.username", postgres.username());
        property.accept("spring.r2dbc.password", postgres.password());
        property.accept("spring.flyway.url", postgres.jdbcUrl(database));
        property.accept("spring.flyway.user", postgres.username());
        property.accept("spring.flyway.password", postgres.password());
        property.accept("spring.kafka.bootstrap-servers", Infrastructure.kafka().bootstrapServers());
        property.accept("orders.redis.address", Infrastructure.redis().uri());
        property.accept("tokenx.security.jwt.secret", JWT_SECRET);
        property.accept("orders.demo-data.enabled", "true");
        // Small pools: a test runs a handful of requests, and several contexts may be open at once.
        property.accept("spring.r2dbc.pool.initial-size", "2");
        property.accept("spring.r2dbc.pool.max-size", "24");
        // An outage must surface within a test's patience.
        property.accept("spring.kafka.producer.properties.max.block.ms", "1500");
        property.accept("spring.kafka.producer.properties.request.timeout.ms", "1500");
        property.accept("spring.kafka.producer.properties.delivery.timeout.ms", "3000");
        property.accept("tokenx.outbox.backoff-max", "1s");
        property.accept("tokenx.outbox.poll-interval", "50ms");
        // A consumer group per test database, reading only what is published while it runs: another test class's
        // settlement events are about orders this database does not have.
        property.accept("tokenx.kafka.consumer.group-id", "order-service-" + database);
        property.accept("spring.kafka.consumer.auto-offset-reset", "latest");
        property.accept("tokenx.kafka.consumer.retry.initial-interval", "50ms");
        property.accept("tokenx.kafka.consumer.retry.max-interval", "200ms");
        property.accept("tokenx.kafka.consumer.retry.max-retries", "2");
        // The Kafka clients print their whole configuration at INFO, once per context.
        property.accept("logging.level.org.apache.kafka", "WARN");
    }
}
