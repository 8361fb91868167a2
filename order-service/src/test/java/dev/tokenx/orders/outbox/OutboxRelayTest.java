package dev.tokenx.orders.outbox;

import static dev.tokenx.orders.support.OrderRequests.aBuyRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tokenx.events.EventHeaders;
import dev.tokenx.events.EventJson;
import dev.tokenx.events.OrderPlaced;
import dev.tokenx.events.Topics;
import dev.tokenx.orders.support.ServiceTest;
import dev.tokenx.testkit.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A placement reaches Kafka through the shared outbox (module {@code outbox}, whose own tests cover two relays,
 * outages and purging): the table is migrated, the writer joins the placement's transaction and the relay runs.
 */
@TestPropertySource(properties = "tokenx.outbox.relay-enabled=true")
class OutboxRelayTest extends ServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void publishes_a_placed_order_once_keyed_by_its_id_with_its_type_and_id_in_headers() {
        UUID investor = investors().verifiedWithCash("5000.00");
        String orderId = (String) api().accepted(investor, "k-1", aBuyRequest()).get("orderId");

        await().atMost(PATIENCE).until(() -> unpublished(orderId) == 0);

        Map<String, Object> row = outboxRow(orderId);
        try (TopicReader reader = new TopicReader(Topics.ORDER_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> published = reader.readToEnd(PATIENCE).stream()
                    .filter(record -> orderId.equals(record.key()))
                    .filter(record -> "OrderPlaced".equals(header(record, EventHeaders.EVENT_TYPE)))
                    .toList();
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

    private long unpublished(String orderId) {
        return db.sql("SELECT count(*) AS n FROM outbox WHERE message_key = :key AND published_at IS NULL")
                .bind("key", orderId)
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }

    private Map<String, Object> outboxRow(String orderId) {
        return db.sql("SELECT event_id, payload::text AS payload FROM outbox"
                        + " WHERE message_key = :key AND event_type = 'OrderPlaced'")
                .bind("key", orderId)
                .fetch()
                .one()
                .block();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
