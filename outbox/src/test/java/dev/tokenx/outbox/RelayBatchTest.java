package dev.tokenx.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.events.EventJson;
import dev.tokenx.events.OrderPlaced;
import dev.tokenx.events.Topics;
import dev.tokenx.infra.PostgresServer;
import dev.tokenx.testkit.Infrastructure;
import dev.tokenx.testkit.TestDatabases;
import dev.tokenx.testkit.TopicReader;
import dev.tokenx.testkit.WithKafka;
import dev.tokenx.testkit.WithPostgres;
import io.r2dbc.spi.ConnectionFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
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
import reactor.core.publisher.Flux;

/**
 * One batch, relayed by hand (the relay's loop is off): a key's consecutive rows go out in one batch and in order, a
 * failed row holds back the rows of its key behind it, and a key whose oldest rows one relay holds is left alone by
 * the others.
 */
@SpringBootTest(classes = RelayTestApplication.class)
@WithPostgres
@WithKafka
@DirtiesContext
class RelayBatchTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String DATABASE = TestDatabases.create("outbox_batch");

    @Autowired
    private OutboxWriter outbox;

    @Autowired
    private OutboxRelay relay;

    @Autowired
    private OutboxStore store;

    @Autowired
    private ConnectionFactory connectionFactory;

    @Autowired
    private ReactiveTransactionManager transactionManager;

    private DatabaseClient db;
    private TransactionalOperator transactions;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RelayTestApplication.properties(DATABASE, (name, value) -> registry.add(name, () -> value));
        registry.add("tokenx.outbox.relay-enabled", () -> "false");
        registry.add("tokenx.outbox.rows-per-key", () -> "3");
    }

    @BeforeEach
    void connect() {
        db = DatabaseClient.create(connectionFactory);
        transactions = TransactionalOperator.create(transactionManager);
        relayEverything();
    }

    @Test
    void publishes_a_keys_consecutive_rows_in_one_batch_in_their_order_up_to_rows_per_key() {
        UUID placed = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        appendInOneTransaction(placed, 4);
        appendInOneTransaction(other, 1);

        OutboxRelay.BatchOutcome batch = relay.relayBatch().block(PATIENCE);

        assertThat(batch).isEqualTo(new OutboxRelay.BatchOutcome(4, 4, 0));
        assertThat(unpublishedSequences(placed))
                .as("beyond rows-per-key, for the next batch")
                .containsExactly(4L);
        assertThat(relay.relayBatch().block(PATIENCE)).isEqualTo(new OutboxRelay.BatchOutcome(1, 1, 0));
        assertThat(publishedSequences(placed)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(publishedSequences(other)).containsExactly(1L);
    }

    @Test
    void sends_none_of_a_keys_rows_behind_one_that_failed() {
        UUID refused = UUID.randomUUID();
        UUID fine = UUID.randomUUID();
        appendTooLargeForKafka(refused);
        appendInOneTransaction(refused, 2);
        appendInOneTransaction(fine, 2);

        try {
            OutboxRelay.BatchOutcome batch = relay.relayBatch().block(PATIENCE);

            assertThat(batch).isEqualTo(new OutboxRelay.BatchOutcome(5, 2, 1));
            assertThat(publishedSequences(fine)).containsExactly(1L, 2L);
            assertThat(publishedSequences(refused)).isEmpty();
            assertThat(attempts(refused)).containsExactly(1, 0, 0);
        } finally {
            db.sql("DELETE FROM outbox WHERE message_key = :key")
                    .bind("key", refused.toString())
                    .then()
                    .block(PATIENCE);
        }
    }

    @Test
    void leaves_a_key_alone_while_another_relay_holds_its_oldest_rows_even_rows_appended_since() throws SQLException {
        UUID held = UUID.randomUUID();
        UUID free = UUID.randomUUID();
        appendInOneTransaction(held, 2);

        try (Connection otherRelay = otherConnection()) {
            otherRelay.setAutoCommit(false);
            claimOn(otherRelay);
            appendInOneTransaction(held, 1);
            appendInOneTransaction(free, 1);

            List<String> claimedMeanwhile = transactions
                    .transactional(store.claim(100, 10).map(OutboxRecord::key).collectList())
                    .block(PATIENCE);

            assertThat(claimedMeanwhile).containsExactly(free.toString());
            otherRelay.rollback();
        }
        assertThat(transactions
                        .transactional(
                                store.claim(100, 10).map(OutboxRecord::key).collectList())
                        .block(PATIENCE))
                .containsExactly(held.toString(), held.toString(), held.toString(), free.toString());
    }

    /** Publishes what earlier tests left unpublished, so that each test's batch holds its own rows only. */
    private void relayEverything() {
        OutboxRelay.BatchOutcome batch;
        do {
            batch = relay.relayBatch().block(PATIENCE);
        } while (batch.claimed() > 0);
    }

    /** A key's events written by one use case, in one transaction, sequence 1, 2, … after those it has. */
    private void appendInOneTransaction(UUID key, int events) {
        int first = attempts(key).size() + 1;
        Flux.fromStream(IntStream.range(first, first + events).boxed())
                .concatMap(sequence -> outbox.append(Events.orderPlaced(key, sequence), Optional.empty()))
                .then()
                .as(transactions::transactional)
                .block(PATIENCE);
    }

    /** Above the producer's max.request.size (1 MiB): the producer refuses this one record. */
    private void appendTooLargeForKafka(UUID key) {
        db.sql("""
                        INSERT INTO outbox (event_id, event_type, topic, message_key, payload)
                        VALUES (gen_random_uuid(), 'OrderPlaced', :topic, :key,
                                json_build_object('padding', repeat('x', 1100000)))
                        """)
                .bind("topic", Topics.ORDER_EVENTS)
                .bind("key", key.toString())
                .then()
                .block(PATIENCE);
    }

    private void claimOn(Connection connection) throws SQLException {
        String sql = OutboxStore.CLAIM.replace(":limit", "100").replace(":rowsPerKey", "10");
        try (var statement = connection.createStatement()) {
            statement.executeQuery(sql).close();
        }
    }

    private List<Long> publishedSequences(UUID key) {
        try (TopicReader reader = new TopicReader(Topics.ORDER_EVENTS)) {
            return reader.readToEnd(PATIENCE).stream()
                    .filter(record -> key.toString().equals(record.key()))
                    .map(record -> ((OrderPlaced) EventJson.read("OrderPlaced", record.value())).quantity())
                    .toList();
        }
    }

    private List<Long> unpublishedSequences(UUID key) {
        return db.sql("""
                        SELECT CAST(payload ->> 'quantity' AS bigint) AS sequence
                          FROM outbox
                         WHERE message_key = :key AND published_at IS NULL
                         ORDER BY id
                        """)
                .bind("key", key.toString())
                .map(row -> row.get("sequence", Long.class))
                .all()
                .collectList()
                .block(PATIENCE);
    }

    private List<Integer> attempts(UUID key) {
        return db.sql("SELECT attempts FROM outbox WHERE message_key = :key ORDER BY id")
                .bind("key", key.toString())
                .map(row -> row.get("attempts", Integer.class))
                .all()
                .collectList()
                .block(PATIENCE);
    }

    private static Connection otherConnection() throws SQLException {
        PostgresServer postgres = Infrastructure.postgres();
        return DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.username(), postgres.password());
    }
}
