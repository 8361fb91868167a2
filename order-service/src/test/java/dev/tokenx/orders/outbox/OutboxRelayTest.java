package dev.tokenx.orders.outbox;

import static dev.tokenx.orders.support.OrderRequests.aBuyRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tokenx.events.EventHeaders;
import dev.tokenx.events.EventJson;
import dev.tokenx.events.OrderPlaced;
import dev.tokenx.events.Topics;
import dev.tokenx.orders.support.ServiceTest;
import dev.tokenx.orders.support.TopicReader;
import dev.tokenx.testkit.Infrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** The relay publishes what placements wrote to the outbox: once each, keyed by order, through Kafka outages. */
@TestPropertySource(properties = "orders.outbox.relay-enabled=true")
class OutboxRelayTest extends ServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    private MeterRegistry meters;

    @Test
    void publishes_a_placed_order_once_keyed_by_its_id_with_its_type_and_id_in_headers() {
        UUID investor = investors().verifiedWithCash("5000.00");
        String orderId = placeOrder(investor, "k-1");

        await().atMost(PATIENCE).until(() -> unpublished(List.of(orderId)) == 0);

        Map<String, Object> row = outboxRow(orderId);
        try (TopicReader reader = new TopicReader(Topics.ORDER_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> published =
                    recordsWithKeys(reader.readToEnd(PATIENCE), List.of(orderId));
            assertThat(published).hasSize(1);
            ConsumerRecord<String, byte[]> record = published.getFirst();
            assertThat(header(record, EventHeaders.EVENT_TYPE)).isEqualTo("OrderPlaced");
            assertThat(header(record, EventHeaders.EVENT_ID))
                    .isEqualTo(row.get("event_id").toString());
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(row.get("payload"));
            OrderPlaced event = (OrderPlaced) EventJson.read(header(record, EventHeaders.EVENT_TYPE), record.value());
            assertThat(event.orderId()).hasToString(orderId);
            assertThat(event.userId()).isEqualTo(investor);
        }
    }

    @Test
    void keeps_orders_in_the_outbox_while_kafka_is_down_and_publishes_each_once_when_it_is_back() {
        UUID investor = investors().verifiedWithCash("50000.00");
        String beforeOutage = placeOrder(investor, "before-outage");
        await().atMost(PATIENCE).until(() -> unpublished(List.of(beforeOutage)) == 0);
        double failuresBefore = counter("orders.outbox.publish.failures");

        List<String> duringOutage;
        Infrastructure.kafka().stop();
        try {
            duringOutage = IntStream.range(0, 5)
                    .mapToObj(i -> placeOrder(investor, "during-outage-" + i))
                    .toList();

            await().atMost(PATIENCE)
                    .until(() -> attemptsOf(duringOutage).stream().allMatch(attempts -> attempts > 0));
            assertThat(unpublished(duringOutage)).isEqualTo(5);
            assertThat(counter("orders.outbox.publish.failures")).isGreaterThanOrEqualTo(failuresBefore + 5);
            assertThat(meters.get("orders.outbox.lag").gauge().value()).isPositive();
        } finally {
            Infrastructure.kafka().start();
        }

        await().atMost(PATIENCE).until(() -> unpublished(duringOutage) == 0);
        try (TopicReader reader = new TopicReader(Topics.ORDER_EVENTS)) {
            List<String> keys = recordsWithKeys(reader.readToEnd(PATIENCE), duringOutage).stream()
                    .map(ConsumerRecord::key)
                    .toList();
            assertThat(keys).containsExactlyInAnyOrderElementsOf(duringOutage);
        }
    }

    private String placeOrder(UUID investor, String idempotencyKey) {
        return (String) api().accepted(investor, idempotencyKey, aBuyRequest()).get("orderId");
    }

    private long unpublished(List<String> orderIds) {
        return db.sql("SELECT count(*) AS n FROM outbox WHERE message_key = ANY(:keys) AND published_at IS NULL")
                .bind("keys", orderIds.toArray(String[]::new))
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }

    private List<Integer> attemptsOf(List<String> orderIds) {
        return db.sql("SELECT attempts FROM outbox WHERE message_key = ANY(:keys)")
                .bind("keys", orderIds.toArray(String[]::new))
                .map(row -> row.get("attempts", Integer.class))
                .all()
                .collectList()
                .block();
    }

    private Map<String, Object> outboxRow(String orderId) {
        return db.sql("SELECT event_id, payload::text AS payload FROM outbox WHERE message_key = :key")
                .bind("key", orderId)
                .fetch()
                .one()
                .block();
    }

    private double counter(String name) {
        return meters.get(name).counter().count();
    }

    private static List<ConsumerRecord<String, byte[]>> recordsWithKeys(
            List<ConsumerRecord<String, byte[]>> records, List<String> keys) {
        return records.stream().filter(record -> keys.contains(record.key())).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
