package dev.tokenx.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenx.events.Topics;
import dev.tokenx.infra.FreePorts;
import dev.tokenx.infra.KafkaBroker;
import dev.tokenx.infra.KafkaSasl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker as the launcher starts it: SASL on its listener, and each service only what {@link KafkaAccess} grants. */
class KafkaAccessTest {

    @TempDir
    static Path folder;

    private static LocalCredentials credentials;
    private static KafkaBroker kafka;

    @BeforeAll
    static void startTheBrokerAsTheLauncherDoes() {
        credentials = LocalCredentials.in(folder);
        kafka = LocalInfrastructure.startKafka(FreePorts.pick(), folder.resolve("kafka"), credentials);
        LocalInfrastructure.createTopics(kafka);
        KafkaAccess.apply(kafka, LocalInfrastructure.kafkaPasswords(credentials));
        KafkaAccess.GRANTS.forEach(grant -> awaitLogin(grant.user()));
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void order_service_may_produce_to_the_order_events_it_relays() throws Exception {
        try (KafkaProducer<String, String> producer = producer(as("order-service"))) {
            assertThat(producer.send(new ProducerRecord<>(Topics.ORDER_EVENTS, "order-1", "placed"))
                            .get()
                            .offset())
                    .isNotNegative();
        }
    }

    @Test
    void blockchain_service_may_not_produce_to_the_order_events() {
        try (KafkaProducer<String, String> producer = producer(as("blockchain-service"))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.ORDER_EVENTS, "order-1", "forged"))
                            .get())
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void blockchain_service_may_produce_to_the_settlement_events_it_owns() throws Exception {
        try (KafkaProducer<String, String> producer = producer(as("blockchain-service"))) {
            assertThat(producer.send(new ProducerRecord<>(Topics.SETTLEMENT_EVENTS, "order-1", "submitted"))
                            .get()
                            .offset())
                    .isNotNegative();
        }
    }

    @Test
    void notification_service_may_not_produce_to_the_settlement_events() {
        try (KafkaProducer<String, String> producer = producer(as("notification-service"))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.SETTLEMENT_EVENTS, "order-1", "forged"))
                            .get())
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void notification_service_consumes_the_token_events_in_its_group_and_dead_letters_them() throws Exception {
        try (KafkaConsumer<String, String> prices = consumer(as("notification-service"), "notification-service");
                KafkaProducer<String, String> deadLetters = producer(as("notification-service"))) {
            prices.subscribe(List.of(Topics.TOKEN_EVENTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (prices.assignment().isEmpty() && System.nanoTime() < deadline) {
                prices.poll(Duration.ofMillis(500));
            }
            assertThat(prices.assignment()).isNotEmpty();

            assertThat(deadLetters
                            .send(new ProducerRecord<>(Topics.deadLetter(Topics.TOKEN_EVENTS), "MUMSEA", "unreadable"))
                            .get()
                            .offset())
                    .isNotNegative();
        }
    }

    @Test
    void a_client_without_credentials_is_refused() {
        try (KafkaProducer<String, String> producer = producer(Map.of())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.ORDER_EVENTS, "order-1", "forged"))
                            .get())
                    .hasCauseInstanceOf(TimeoutException.class);
        }
    }

    @Test
    void a_client_with_a_wrong_password_is_refused() {
        Map<String, Object> wrong = KafkaSasl.scramClient("order-service", "not-its-password");
        try (KafkaProducer<String, String> producer = producer(wrong)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.ORDER_EVENTS, "order-1", "forged"))
                            .get())
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void a_service_consumes_in_its_own_group_only() {
        try (KafkaConsumer<String, String> own =
                        consumer(as("order-service"), "order-service-kyc-" + UUID.randomUUID());
                KafkaConsumer<String, String> foreign = consumer(as("order-service"), "blockchain-service")) {
            own.subscribe(List.of(Topics.ACCOUNT_EVENTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (own.assignment().isEmpty() && System.nanoTime() < deadline) {
                own.poll(Duration.ofMillis(500));
            }
            assertThat(own.assignment()).isNotEmpty();

            foreign.subscribe(List.of(Topics.SETTLEMENT_EVENTS));
            assertThatThrownBy(() -> foreign.poll(Duration.ofSeconds(5)))
                    .isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void applying_the_table_again_on_the_kept_data_changes_nothing_that_works() throws Exception {
        KafkaAccess.apply(kafka, LocalInfrastructure.kafkaPasswords(credentials));

        order_service_may_produce_to_the_order_events_it_relays();
        blockchain_service_may_not_produce_to_the_order_events();
    }

    /**
     * The controller has taken the SCRAM credentials when {@code apply} returns; the broker's authenticator learns
     * them a moment later from the metadata log, and a login before that is refused as a wrong password.
     */
    private static void awaitLogin(String service) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (KafkaConsumer<String, String> client = consumer(as(service), service)) {
                // A metadata request: it needs a login and no ACL.
                client.listTopics(Duration.ofSeconds(5));
                return;
            } catch (SaslAuthenticationException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
        }
    }

    private static Map<String, Object> as(String service) {
        return KafkaSasl.scramClient(service, credentials.password("kafka." + service));
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> security) {
        Map<String, Object> config = new HashMap<>(security);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(Map<String, Object> security, String group) {
        Map<String, Object> config = new HashMap<>(security);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
