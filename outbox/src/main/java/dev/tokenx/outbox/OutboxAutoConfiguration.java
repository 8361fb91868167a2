package dev.tokenx.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The transactional outbox of a service with R2DBC PostgreSQL and Kafka: {@link OutboxWriter} for its use cases, an
 * {@link OutboxRelay} per instance ({@code tokenx.outbox.*}), and the outbox table, migrated with the service's Flyway
 * connection in a history of its own ({@link OutboxSchema}).
 */
@AutoConfiguration(
        after = {
            R2dbcAutoConfiguration.class,
            R2dbcTransactionManagerAutoConfiguration.class,
            KafkaAutoConfiguration.class,
            FlywayAutoConfiguration.class
        })
@ConditionalOnBean({ConnectionFactory.class, ReactiveTransactionManager.class, KafkaProperties.class})
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    /** How this instance's writer wakes its relay. */
    @Bean
    OutboxAppends outboxAppends() {
        return new OutboxAppends();
    }

    @Bean
    OutboxWriter outboxWriter(
            ConnectionFactory connectionFactory, ObjectProvider<DatabaseClient> databaseClient, OutboxAppends appends) {
        return new OutboxWriter(database(connectionFactory, databaseClient), appends);
    }

    @Bean
    OutboxStore outboxStore(ConnectionFactory connectionFactory, ObjectProvider<DatabaseClient> databaseClient) {
        return new OutboxStore(database(connectionFactory, databaseClient));
    }

    @Bean
    KafkaOutboxPublisher outboxPublisher(KafkaProperties kafka, ObjectProvider<KafkaConnectionDetails> connection) {
        return new KafkaOutboxPublisher(producers(kafka, connection));
    }

    @Bean
    OutboxRelay outboxRelay(
            OutboxStore store,
            KafkaOutboxPublisher publisher,
            OutboxAppends appends,
            ReactiveTransactionManager transactionManager,
            OutboxProperties properties,
            ObjectProvider<Clock> clock,
            ObjectProvider<MeterRegistry> meters) {
        return new OutboxRelay(
                store,
                publisher,
                appends,
                TransactionalOperator.create(transactionManager),
                properties,
                clock.getIfAvailable(Clock::systemUTC),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnBean(Flyway.class)
    OutboxSchema outboxSchema(Flyway flyway, ObjectProvider<FlywayMigrationInitializer> serviceMigration) {
        return new OutboxSchema(flyway, serviceMigration);
    }

    /**
     * The service's own client when it has one, else one over the same connection factory: either way statements join
     * the caller's reactive transaction, which is bound to the connection factory.
     */
    private static DatabaseClient database(
            ConnectionFactory connectionFactory, ObjectProvider<DatabaseClient> databaseClient) {
        return databaseClient.getIfAvailable(() -> DatabaseClient.create(connectionFactory));
    }

    /**
     * Everything under {@code spring.kafka.producer.*} applies (timeouts, batching, security), but the guarantees the
     * relay's "nothing lost, nothing twice" rests on are fixed here: every in-sync replica acknowledges, and the broker
     * drops the producer's own retries.
     */
    private static DefaultKafkaProducerFactory<String, byte[]> producers(
            KafkaProperties kafka, ObjectProvider<KafkaConnectionDetails> connection) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        connection.ifAvailable(details -> config.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, details.getProducer().getBootstrapServers()));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // A client id of its own, so that its metrics and quotas stay apart from the service's other producers.
        config.merge(ProducerConfig.CLIENT_ID_CONFIG, "outbox", (service, outbox) -> service + "-" + outbox);
        return new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
    }
}
