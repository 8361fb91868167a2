package dev.tokenx.blockchain.support;

import static org.awaitility.Awaitility.await;

import dev.tokenx.events.DomainEvent;
import dev.tokenx.events.EventHeaders;
import dev.tokenx.events.EventJson;
import dev.tokenx.events.Topics;
import dev.tokenx.testkit.TopicReader;
import dev.tokenx.testkit.WithAnvil;
import dev.tokenx.testkit.WithKafka;
import dev.tokenx.testkit.WithPostgres;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole service on a random port against the test kit's real PostgreSQL, Kafka and anvil chain. Each subclass
 * deploys its own token contract and registers the service's properties ({@link TestInfrastructure}); the context is
 * closed after the class, so no consumer or tracker outlives it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@WithPostgres
@WithKafka
@WithAnvil
@DirtiesContext
public abstract class ServiceTest {

    /** Three one-second blocks, plus room for a slow machine. */
    protected static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected DatabaseClient db;

    protected final EventPublisher publisher = new EventPublisher();

    @AfterEach
    void closePublisher() {
        publisher.close();
    }

    /** The settlement events published for the order so far, in order, once {@code done} holds for them. */
    protected static List<DomainEvent> settlementEvents(UUID orderId, Predicate<List<DomainEvent>> done) {
        try (TopicReader reader = new TopicReader(Topics.SETTLEMENT_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> records =
                    reader.readUntil(read -> done.test(eventsOf(read, orderId)), PATIENCE);
            return eventsOf(records, orderId);
        }
    }

    /** The dead letters of the order events topic with this key, once there are {@code count} of them. */
    protected static List<ConsumerRecord<String, byte[]>> deadLetters(String key, int count) {
        try (TopicReader reader = new TopicReader(Topics.deadLetter(Topics.ORDER_EVENTS))) {
            return withKey(reader.readUntil(read -> withKey(read, key).size() >= count, PATIENCE), key);
        }
    }

    /** Everything the dead-letter topic holds now. */
    protected static List<ConsumerRecord<String, byte[]>> allDeadLetters() {
        try (TopicReader reader = new TopicReader(Topics.deadLetter(Topics.ORDER_EVENTS))) {
            return reader.readToEnd(PATIENCE);
        }
    }

    protected static List<ConsumerRecord<String, byte[]>> withKey(
            List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(record -> key.equals(record.key())).toList();
    }

    protected static String header(ConsumerRecord<String, byte[]> record, String name) {
        return record.headers().lastHeader(name) == null
                ? null
                : new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** The order's settlement row, once it has one. */
    protected Map<String, Object> settlementRow(UUID orderId) {
        await().atMost(PATIENCE).until(() -> settlementRows(orderId) > 0);
        return db.sql("SELECT status, nonce, tx_hash, failure_reason, confirmations FROM settlements"
                        + " WHERE order_id = :orderId")
                .bind("orderId", orderId)
                .fetch()
                .one()
                .block();
    }

    protected long settlementRows(UUID orderId) {
        return db.sql("SELECT count(*) AS n FROM settlements WHERE order_id = :orderId")
                .bind("orderId", orderId)
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }

    private static List<DomainEvent> eventsOf(List<ConsumerRecord<String, byte[]>> records, UUID orderId) {
        return withKey(records, orderId.toString()).stream()
                .map(record -> EventJson.read(header(record, EventHeaders.EVENT_TYPE), record.value()))
                .toList();
    }
}
