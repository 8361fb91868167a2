package dev.tokenx.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tokenx.events.EventJson;
import dev.tokenx.events.OrderPlaced;
import dev.tokenx.events.Topics;
import dev.tokenx.testkit.TestDatabases;
import dev.tokenx.testkit.TopicReader;
import dev.tokenx.testkit.WithKafka;
import dev.tokenx.testkit.WithPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;

/**
 * Two instances of a service, each appending and running its relay, over one outbox: every event reaches Kafka exactly
 * once, and the events of one key arrive in the order they were written, although relays claim several rows of a key
 * at once and each relay is woken by its own instance's appends.
 */
@WithPostgres
@WithKafka
class TwoRelaysTest {

    private static final int KEYS = 50;
    private static final int EVENTS_PER_KEY = 40;
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        String database = TestDatabases.create("relays");
        first = start(database);
        second = start(database);
    }

    @AfterAll
    static void stopThem() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    private static ConfigurableApplicationContext start(String database) {
        Map<String, String> properties = new LinkedHashMap<>();
        RelayTestApplication.properties(database, properties::put);
        // Small batches and short pauses make the two relays contend for rows all the time.
        properties.put("tokenx.outbox.batch-size", "10");
        properties.put("tokenx.outbox.rows-per-key", "3");
        properties.put("tokenx.outbox.poll-interval", "10ms");
        properties.put("tokenx.outbox.idle-poll-interval", "200ms");
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(RelayTestApplication.class).run(arguments);
    }

    @Test
    void publish_every_event_exactly_once_and_each_keys_events_in_order() {
        List<UUID> keys =
                IntStream.range(0, KEYS).mapToObj(i -> UUID.randomUUID()).toList();
        Set<String> keyNames = keys.stream().map(UUID::toString).collect(Collectors.toSet());

        writeEventsWhileTheRelaysRun(keys);

        try (TopicReader reader = new TopicReader(Topics.ORDER_EVENTS)) {
            reader.readUntil(records -> mine(records, keyNames).size() >= KEYS * EVENTS_PER_KEY, PATIENCE);
            await().atMost(PATIENCE).until(() -> unpublishedRows() == 0);
            List<OrderPlaced> events = mine(reader.readToEnd(PATIENCE), keyNames);

            assertThat(events).hasSize(KEYS * EVENTS_PER_KEY);
            assertThat(events.stream().map(OrderPlaced::eventId).distinct()).hasSize(KEYS * EVENTS_PER_KEY);
            Map<UUID, List<Long>> sequencesByKey = events.stream()
                    .collect(Collectors.groupingBy(
                            OrderPlaced::orderId, Collectors.mapping(OrderPlaced::quantity, Collectors.toList())));
            List<Long> inOrder =
                    LongStream.rangeClosed(1, EVENTS_PER_KEY).boxed().toList();
            assertThat(sequencesByKey).hasSize(KEYS);
            assertThat(sequencesByKey.entrySet())
                    .filteredOn(key -> !key.getValue().equals(inOrder))
                    .as("keys whose events arrived out of order")
                    .isEmpty();
        }
        assertThat(published(first)).as("rows published by the first relay").isPositive();
        assertThat(published(second)).as("rows published by the second relay").isPositive();
    }

    /**
     * Each key's events are written one after the other, the keys side by side, as use cases would write them; half of
     * the keys by each instance, two events per transaction (as a placement writes {@code OrderPlaced} and {@code
     * OrderStatusChanged}).
     */
    private static void writeEventsWhileTheRelaysRun(List<UUID> keys) {
        Flux.range(0, keys.size())
                .flatMap(index -> writeEvents(keys.get(index), index % 2 == 0 ? first : second), 8)
                .blockLast(PATIENCE);
    }

    private static Flux<Void> writeEvents(UUID key, ConfigurableApplicationContext instance) {
        OutboxWriter outbox = instance.getBean(OutboxWriter.class);
        TransactionalOperator transactions =
                TransactionalOperator.create(instance.getBean(ReactiveTransactionManager.class));
        return Flux.range(0, EVENTS_PER_KEY / 2)
                .concatMap(pair -> outbox.append(Events.orderPlaced(key, 2 * pair + 1), Optional.empty())
                        .then(outbox.append(Events.orderPlaced(key, 2 * pair + 2), Optional.empty()))
                        .as(transactions::transactional));
    }

    private static List<OrderPlaced> mine(List<ConsumerRecord<String, byte[]>> records, Set<String> keys) {
        return records.stream()
                .filter(record -> keys.contains(record.key()))
                .map(record -> (OrderPlaced) EventJson.read("OrderPlaced", record.value()))
                .toList();
    }

    private static long unpublishedRows() {
        return DatabaseClient.create(first.getBean(ConnectionFactory.class))
                .sql("SELECT count(*) AS n FROM outbox WHERE published_at IS NULL")
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }

    private static double published(ConfigurableApplicationContext instance) {
        return instance.getBean(MeterRegistry.class)
                .get("outbox.published")
                .counter()
                .count();
    }
}
