package dev.tokenx.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tokenx.events.EventHeaders;
import dev.tokenx.events.EventJson;
import dev.tokenx.events.OrderPlaced;
import dev.tokenx.events.Topics;
import dev.tokenx.testkit.Infrastructure;
import dev.tokenx.testkit.TestDatabases;
import dev.tokenx.testkit.TopicReader;
import dev.tokenx.testkit.WithKafka;
import dev.tokenx.testkit.WithPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * What a use case appends to the outbox reaches Kafka once, keyed by its aggregate, with its type and id in headers;
 * what a rolled-back transaction appended never does; Kafka outages delay events without losing or doubling any; and
 * an idle relay sleeps until something is appended instead of polling.
 */
@SpringBootTest(classes = RelayTestApplication.class)
@WithPostgres
@WithKafka
@DirtiesContext
class OutboxRelayTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    private OutboxWriter outbox;

    @Autowired
    private OutboxStore store;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private ConnectionFactory connectionFactory;

    @Autowired
    private ReactiveTransactionManager transactionManager;

    private DatabaseClient db;
    private TransactionalOperator transactions;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RelayTestApplication.properties(
                TestDatabases.create("outbox"), (name, value) -> registry.add(name, () -> value));
        // Only this instance appends: its relay never needs to look for other instances' rows.
        registry.add("tokenx.outbox.idle-poll-interval", () -> "1h");
    }

    @BeforeEach
    void connect() {
        db = DatabaseClient.create(connectionFactory);
        transactions = TransactionalOperator.create(transactionManager);
    }

    @Test
    void publishes_an_event_once_keyed_by_its_aggregate_with_its_type_id_and_request_id_in_headers() {
        OrderPlaced event = Events.orderPlaced(UUID.randomUUID(), 1);
        String key = event.orderId().toString();

        append(event, Optional.of("req-42")).block(PATIENCE);

        await().atMost(PATIENCE).until(() -> unpublished(List.of(key)) == 0);
        Map<String, Object> row = outboxRow(key);
        try (TopicReader reader = new TopicReader(Topics.ORDER_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> published = withKeys(reader.readToEnd(PATIENCE), List.of(key));
            assertThat(published).hasSize(1);
            ConsumerRecord<String, byte[]> record = published.getFirst();
            assertThat(header(record, EventHeaders.EVENT_TYPE)).isEqualTo("OrderPlaced");
            assertThat(header(record, EventHeaders.EVENT_ID))
                    .isEqualTo(event.eventId().toString());
            assertThat(header(record, EventHeaders.REQUEST_ID)).isEqualTo("req-42");
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(row.get("payload"));
            assertThat(EventJson.read("OrderPlaced", record.value())).isEqualTo(event);
        }
    }

    @Test
    void appends_nothing_when_the_callers_transaction_rolls_back() {
        OrderPlaced event = Events.orderPlaced(UUID.randomUUID(), 1);

        Mono<Void> failingUseCase = outbox.append(event, Optional.empty())
                .then(Mono.<Void>error(new IllegalStateException("the use case failed after appending")))
                .as(transactions::transactional);

        assertThat(failingUseCase.onErrorComplete().then(Mono.just(true)).block(PATIENCE))
                .isTrue();
        assertThat(rows(List.of(event.orderId().toString()))).isZero();
    }

    @Test
    void keeps_events_in_the_outbox_while_kafka_is_down_and_publishes_each_once_when_it_is_back() {
        String beforeOutage = UUID.randomUUID().toString();
        append(Events.orderPlaced(UUID.fromString(beforeOutage), 1), Optional.empty())
                .block(PATIENCE);
        await().atMost(PATIENCE).until(() -> unpublished(List.of(beforeOutage)) == 0);
        double failuresBefore = counter("outbox.publish.failures");

        List<String> duringOutage;
        Infrastructure.kafka().stop();
        try {
            duringOutage = appendOrders(5);

            await().atMost(PATIENCE)
                    .until(() -> attemptsOf(duringOutage).stream().allMatch(attempts -> attempts > 0));
            assertThat(unpublished(duringOutage)).isEqualTo(5);
            assertThat(counter("outbox.publish.failures")).isGreaterThanOrEqualTo(failuresBefore + 5);
            assertThat(meters.get("outbox.lag").gauge().value()).isPositive();
        } finally {
            Infrastructure.kafka().start();
        }

        await().atMost(PATIENCE).until(() -> unpublished(duringOutage) == 0);
        try (TopicReader reader = new TopicReader(Topics.ORDER_EVENTS)) {
            List<String> keys = withKeys(reader.readToEnd(PATIENCE), duringOutage).stream()
                    .map(ConsumerRecord::key)
                    .toList();
            assertThat(keys).containsExactlyInAnyOrderElementsOf(duringOutage);
        }
    }

    @Test
    void runs_no_claim_while_nothing_is_appended_and_wakes_up_when_something_is() {
        List<String> earlier = appendOrders(2);
        await().atMost(PATIENCE).until(() -> unpublished(earlier) == 0);
        AtomicReference<Double> lastSeen = new AtomicReference<>(-1.0);

        await().atMost(PATIENCE)
                .during(Duration.ofSeconds(1))
                .until(() -> lastSeen.getAndSet(counter("outbox.claims")) == counter("outbox.claims"));
        double claimsWhileIdle = counter("outbox.claims");
        String later = appendOrders(1).getFirst();

        await().atMost(PATIENCE).until(() -> unpublished(List.of(later)) == 0);
        assertThat(counter("outbox.claims")).isGreaterThan(claimsWhileIdle);
    }

    @Test
    void purges_published_rows_past_their_retention_in_batches() {
        List<String> keys = appendOrders(3);
        await().atMost(PATIENCE).until(() -> unpublished(keys) == 0);
        Instant cutoff = Instant.now().plusSeconds(1);
        long publishedBefore = publishedRowsBefore(cutoff);

        long purged = 0;
        for (long deleted = -1; deleted != 0; ) {
            deleted = store.purgePublishedBefore(cutoff, 2).block(PATIENCE);
            assertThat(deleted).isLessThanOrEqualTo(2);
            purged += deleted;
        }

        assertThat(purged).isEqualTo(publishedBefore).isGreaterThanOrEqualTo(3);
        assertThat(rows(keys)).isZero();
        assertThat(publishedRowsBefore(cutoff)).isZero();
    }

    /** Appends one event for each of {@code count} new orders; returns their keys. */
    private List<String> appendOrders(int count) {
        List<String> keys = IntStream.range(0, count)
                .mapToObj(i -> UUID.randomUUID().toString())
                .toList();
        keys.forEach(key -> append(Events.orderPlaced(UUID.fromString(key), 1), Optional.empty())
                .block(PATIENCE));
        return keys;
    }

    private Mono<Void> append(OrderPlaced event, Optional<String> requestId) {
        return outbox.append(event, requestId).as(transactions::transactional);
    }

    private long unpublished(List<String> keys) {
        return count("SELECT count(*) AS n FROM outbox WHERE message_key = ANY(:keys) AND published_at IS NULL", keys);
    }

    private long rows(List<String> keys) {
        return count("SELECT count(*) AS n FROM outbox WHERE message_key = ANY(:keys)", keys);
    }

    private long count(String sql, List<String> keys) {
        return db.sql(sql)
                .bind("keys", keys.toArray(String[]::new))
                .map(row -> row.get("n", Long.class))
                .one()
                .block(PATIENCE);
    }

    private long publishedRowsBefore(Instant cutoff) {
        return db.sql("SELECT count(*) AS n FROM outbox WHERE published_at < :cutoff")
                .bind("cutoff", cutoff)
                .map(row -> row.get("n", Long.class))
                .one()
                .block(PATIENCE);
    }

    private List<Integer> attemptsOf(List<String> keys) {
        return db.sql("SELECT attempts FROM outbox WHERE message_key = ANY(:keys)")
                .bind("keys", keys.toArray(String[]::new))
                .map(row -> row.get("attempts", Integer.class))
                .all()
                .collectList()
                .block(PATIENCE);
    }

    private Map<String, Object> outboxRow(String key) {
        return db.sql("SELECT event_id, payload::text AS payload FROM outbox WHERE message_key = :key")
                .bind("key", key)
                .fetch()
                .one()
                .block(PATIENCE);
    }

    private double counter(String name) {
        return meters.get(name).counter().count();
    }

    private static List<ConsumerRecord<String, byte[]>> withKeys(
            List<ConsumerRecord<String, byte[]>> records, List<String> keys) {
        return records.stream().filter(record -> keys.contains(record.key())).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
