package dev.tokenx.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tokenx.events.Topics;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * The environment the launcher hands each service logs it in where it must go, as its own user: the infrastructure is
 * started as {@code ./run-local.sh} starts it (no service runs), and each login is tried with the service's variables.
 */
class ServiceLineupTest {

    @TempDir
    static Path folder;

    private static LocalInfrastructure infrastructure;
    private static Map<String, Map<String, String>> environments;

    @BeforeAll
    static void startTheInfrastructure() {
        PlatformSettings settings = PlatformSettings.forTests(PlatformSettings.findRepoRoot(Path.of("")), folder);
        infrastructure = LocalInfrastructure.start(settings);
        environments = ServiceLineup.of(settings, infrastructure).stream()
                .collect(Collectors.toMap(ServiceSpec::module, ServiceSpec::environment));
    }

    @AfterAll
    static void stop() {
        infrastructure.close();
    }

    @Test
    void order_and_blockchain_service_connect_and_migrate_as_their_own_roles() throws SQLException {
        assertThat(currentUser(environments.get("order-service"), "SPRING_FLYWAY"))
                .isEqualTo("order_service");
        assertThat(currentUser(environments.get("blockchain-service"), "SPRING_FLYWAY"))
                .isEqualTo("blockchain_service");
    }

    @Test
    void each_kafka_service_publishes_as_its_own_user_to_a_topic_it_owns() throws Exception {
        Map<String, String> ownedTopic = Map.of(
                "order-service", Topics.ORDER_EVENTS,
                "blockchain-service", Topics.SETTLEMENT_EVENTS,
                "notification-service", Topics.deadLetter(Topics.ORDER_EVENTS));
        for (Map.Entry<String, String> service : ownedTopic.entrySet()) {
            Map<String, String> env = environments.get(service.getKey());
            assertThat(env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
                    .contains("username=\"" + service.getKey() + "\"");
            try (KafkaProducer<String, String> producer = producer(env)) {
                assertThat(producer.send(new ProducerRecord<>(service.getValue(), "key", "value"))
                                .get()
                                .offset())
                        .as(service.getKey())
                        .isNotNegative();
            }
        }
    }

    @Test
    void each_redis_service_logs_in_as_its_own_user() {
        Map<String, String> prefixes = Map.of(
                "gateway-service", "GATEWAY",
                "order-service", "ORDERS",
                "notification-service", "NOTIFICATIONS",
                "realtime-server", "REALTIME");
        prefixes.forEach((service, prefix) -> {
            Map<String, String> env = environments.get(service);
            assertThat(env).as(service).containsEntry(prefix + "_REDIS_USERNAME", service);
            // Not lazy: creating the client opens its connections, each logging in, and fails if one cannot.
            assertThatCode(() -> redisson(env, prefix).shutdown()).as(service).doesNotThrowAnyException();
        });
    }

    private static String currentUser(Map<String, String> env, String prefix) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                        env.get(prefix + "_URL"), env.get(prefix + "_USER"), env.get(prefix + "_PASSWORD"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_user")) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    /** What Spring Boot makes of the variables: spring.kafka.security.protocol and spring.kafka.properties.*. */
    private static KafkaProducer<String, String> producer(Map<String, String> env) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS"));
        config.put("security.protocol", env.get("SPRING_KAFKA_SECURITY_PROTOCOL"));
        config.put("sasl.mechanism", env.get("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM"));
        config.put("sasl.jaas.config", env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static RedissonClient redisson(Map<String, String> env, String prefix) {
        Config config = new Config();
        config.useSingleServer()
                .setAddress(env.get(prefix + "_REDIS_ADDRESS"))
                .setUsername(env.get(prefix + "_REDIS_USERNAME"))
                .setPassword(env.get(prefix + "_REDIS_PASSWORD"))
                .setTimeout(Math.toIntExact(Duration.ofSeconds(5).toMillis()))
                .setRetryAttempts(0);
        return Redisson.create(config);
    }
}
