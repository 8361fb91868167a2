package dev.tokenx.orders.order.messaging;

import static dev.tokenx.orders.support.OrderRequests.aBuyRequest;
import static dev.tokenx.orders.support.SettlementFeed.confirmed;
import static dev.tokenx.orders.support.SettlementFeed.confirming;
import static dev.tokenx.orders.support.SettlementFeed.failed;
import static dev.tokenx.orders.support.SettlementFeed.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.tokenx.events.DomainEvent;
import dev.tokenx.events.EventHeaders;
import dev.tokenx.events.EventJson;
import dev.tokenx.events.OrderStatusChanged;
import dev.tokenx.events.PortfolioChanged;
import dev.tokenx.events.SettlementConfirmed;
import dev.tokenx.events.SettlementConfirming;
import dev.tokenx.events.SettlementEvent;
import dev.tokenx.events.SettlementFailed;
import dev.tokenx.events.SettlementSubmitted;
import dev.tokenx.events.Topics;
import dev.tokenx.kafka.consumer.KafkaConsumerProperties;
import dev.tokenx.orders.order.application.OrderNotFound;
import dev.tokenx.orders.support.LedgerAudit;
import dev.tokenx.orders.support.ServiceTest;
import dev.tokenx.orders.support.SettlementFeed;
import dev.tokenx.orders.support.StoreSnapshot;
import dev.tokenx.testkit.TopicReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.test.context.TestPropertySource;

/**
 * The blockchain service's settlement events, published onto Kafka, carry a placed order to its end: the order's
 * status, the ledger, the holdings and the events published through the outbox, on the real PostgreSQL and Kafka.
 */
@TestPropertySource(properties = "tokenx.outbox.relay-enabled=true")
class SettlementEventsTest extends ServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static SettlementFeed feed;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Autowired
    private KafkaConsumerProperties consumer;

    @BeforeAll
    static void openFeed() {
        feed = new SettlementFeed();
    }

    @AfterAll
    static void closeFeed() {
        feed.close();
    }

    /** The group reads from the latest offset: what is published before it has its partitions would be missed. */
    @BeforeEach
    void consumerHasItsPartitions() {
        await().atMost(PATIENCE)
                .until(() -> !listeners
                        .getListenerContainer(SettlementEventsListener.ID)
                        .getAssignedPartitions()
                        .isEmpty());
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void logs_each_change_under_the_id_of_the_request_that_placed_the_order(CapturedOutput output) {
        UUID investor = investors().verifiedWithCash("10000.00");
        UUID orderId = place(investor, 1);
        String requestId = "req-" + UUID.randomUUID();

        feed.publishForRequest(requestId, submitted(orderId));

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(output.getOut().lines())
                        .filteredOn(line -> line.contains("Order " + orderId + " is SETTLING"))
                        .singleElement()
                        .asString()
                        .contains("[" + requestId + "]"));
    }

    @Test
    void completes_a_settled_order_pays_the_treasury_and_the_fees_and_credits_the_holding() {
        UUID investor = investors().verifiedWithCash("10000.00");
        UUID orderId = place(investor, 2);
        Map<String, BigDecimal> before = snapshot().balances();

        feed.publish(submitted(orderId), confirming(orderId, 1), confirming(orderId, 2), confirmed(orderId));

        awaitStatus(investor, orderId, "COMPLETED");
        assertThat(order(investor, orderId))
                .containsEntry("txHash", SettlementFeed.TX_HASH)
                .containsEntry("confirmations", 3)
                .containsEntry("requiredConfirmations", 3)
                .doesNotContainKey("failureReason");
        assertThat(investors().available(investor)).isEqualByComparingTo("7975.00");
        assertThat(investors().held(investor)).isEqualByComparingTo("0.00");
        Map<String, BigDecimal> after = snapshot().balances();
        assertThat(after.get("treasury:proceeds").subtract(before.get("treasury:proceeds")))
                .isEqualByComparingTo("2000.00");
        assertThat(after.get("platform:fees").subtract(before.get("platform:fees")))
                .isEqualByComparingTo("20.00");
        assertThat(after.get("platform:gas").subtract(before.get("platform:gas")))
                .isEqualByComparingTo("5.00");
        assertThat(holding(investor, "BLRTECH")).isEqualTo(2);
        assertThat(holdStatus(orderId)).isEqualTo("CAPTURED");
        LedgerAudit.assertConsistent(db);

        List<OrderStatusChanged> statuses = publishedStatuses(orderId, 5);
        assertThat(statuses)
                .extracting(OrderStatusChanged::status, OrderStatusChanged::confirmations)
                .containsExactly(
                        tuple("ACCEPTED", null),
                        tuple("SETTLING", null),
                        tuple("CONFIRMING", 1),
                        tuple("CONFIRMING", 2),
                        tuple("COMPLETED", 3));
        assertThat(statuses.getLast().txHash()).isEqualTo(SettlementFeed.TX_HASH);
        assertThat(statuses).allSatisfy(status -> assertThat(status.userId()).isEqualTo(investor));
        assertThat(publishedPortfolioChanges(orderId, 1)).singleElement().satisfies(change -> {
            assertThat(change.userId()).isEqualTo(investor);
            assertThat(change.tokenSymbol()).isEqualTo("BLRTECH");
            assertThat(change.quantity()).isEqualTo(2);
        });
    }

    @Test
    void adds_each_settled_order_to_the_holding() {
        UUID investor = investors().verifiedWithCash("10000.00");
        UUID first = place(investor, 1);
        UUID second = place(investor, 3);

        feed.publish(submitted(first), confirmed(first), submitted(second), confirmed(second));

        awaitStatus(investor, second, "COMPLETED");
        awaitStatus(investor, first, "COMPLETED");
        assertThat(holding(investor, "BLRTECH")).isEqualTo(4);
        assertThat(investors().available(investor)).isEqualByComparingTo("5950.00");
        LedgerAudit.assertConsistent(db);
    }

    @Test
    void the_same_events_delivered_again_change_nothing_more() {
        UUID investor = investors().verifiedWithCash("10000.00");
        UUID orderId = place(investor, 2);
        SettlementSubmitted submitted = submitted(orderId);
        SettlementConfirming confirming = confirming(orderId, 1);
        SettlementConfirmed confirmed = confirmed(orderId);
        feed.publish(submitted, confirming, confirmed);
        awaitStatus(investor, orderId, "COMPLETED");
        feed.awaitConsumedBy(consumer.groupId(), PATIENCE);
        StoreSnapshot before = snapshot();

        feed.publish(submitted, confirming, confirmed, confirmed);
        feed.awaitConsumedBy(consumer.groupId(), PATIENCE);

        assertThat(snapshot()).isEqualTo(before);
        assertThat(holding(investor, "BLRTECH")).isEqualTo(2);
        assertThat(statusRowsInOutbox(orderId)).isEqualTo(4);
    }

    @Test
    void ignores_stale_news_an_order_has_moved_past() {
        UUID investor = investors().verifiedWithCash("10000.00");
        UUID orderId = place(investor, 2);

        feed.publish(submitted(orderId), confirming(orderId, 2), confirming(orderId, 1), submitted(orderId));
        feed.awaitConsumedBy(consumer.groupId(), PATIENCE);

        assertThat(order(investor, orderId))
                .containsEntry("status", "CONFIRMING")
                .containsEntry("confirmations", 2)
                .containsEntry("requiredConfirmations", 3);
        assertThat(statusRowsInOutbox(orderId))
                .as("ACCEPTED, SETTLING, CONFIRMING 2")
                .isEqualTo(3);
        assertThat(investors().held(investor)).isEqualByComparingTo("2025.00");
    }

    @Test
    void a_failed_settlement_fails_the_order_and_releases_the_hold_in_full() {
        UUID investor = investors().verifiedWithCash("10000.00");
        UUID orderId = place(investor, 2);
        Map<String, BigDecimal> before = snapshot().balances();

        feed.publish(submitted(orderId), failed(orderId));

        awaitStatus(investor, orderId, "FAILED");
        assertThat(order(investor, orderId)).containsEntry("failureReason", SettlementFeed.goldenFailureReason());
        assertThat(investors().available(investor)).isEqualByComparingTo("10000.00");
        assertThat(investors().held(investor)).isEqualByComparingTo("0.00");
        assertThat(snapshot().balances().get("treasury:proceeds"))
                .isEqualByComparingTo(before.get("treasury:proceeds"));
        assertThat(holding(investor, "BLRTECH")).isZero();
        assertThat(holdStatus(orderId)).isEqualTo("RELEASED");
        LedgerAudit.assertConsistent(db);
        assertThat(publishedStatuses(orderId, 3))
                .extracting(OrderStatusChanged::status)
                .containsExactly("ACCEPTED", "SETTLING", "FAILED");
        assertThat(publishedStatuses(orderId, 3).getLast().reason()).isEqualTo(SettlementFeed.goldenFailureReason());
    }

    @Test
    void a_failure_with_an_absurdly_long_reason_still_fails_the_order_and_releases_the_hold() {
        UUID investor = investors().verifiedWithCash("10000.00");
        UUID orderId = place(investor, 1);
        SettlementFailed golden = failed(orderId);
        String absurd = "The transfer would revert: " + "x".repeat(100_000);

        feed.publish(new SettlementFailed(golden.eventId(), orderId, golden.txHash(), absurd, golden.occurredAt()));

        awaitStatus(investor, orderId, "FAILED");
        assertThat((String) order(investor, orderId).get("failureReason"))
                .hasSize(500)
                .startsWith("The transfer would revert: xxx");
        assertThat(investors().held(investor)).isEqualByComparingTo("0.00");
        assertThat(holdStatus(orderId)).isEqualTo("RELEASED");
    }

    @Test
    void sends_a_poison_record_to_the_dead_letter_topic_and_goes_on() {
        String key = UUID.randomUUID().toString();
        UUID investor = investors().verifiedWithCash("10000.00");
        UUID orderId = place(investor, 1);

        feed.publishUnreadable(key, "SettlementConfirmed");
        feed.publish(submitted(orderId));

        awaitStatus(investor, orderId, "SETTLING");
        assertThat(deadLetters(key)).hasSize(1);
    }

    @Test
    void sends_news_contradicting_a_completed_order_to_the_dead_letter_topic() {
        UUID investor = investors().verifiedWithCash("10000.00");
        UUID orderId = place(investor, 1);
        feed.publish(submitted(orderId), confirmed(orderId));
        awaitStatus(investor, orderId, "COMPLETED");
        StoreSnapshot completed = snapshot();

        feed.publish(failed(orderId));

        assertThat(deadLetters(orderId.toString())).hasSize(1);
        feed.awaitConsumedBy(consumer.groupId(), PATIENCE);
        assertThat(order(investor, orderId)).containsEntry("status", "COMPLETED");
        assertThat(snapshot()).isEqualTo(completed);
    }

    @Test
    void a_batch_delivered_again_applies_nothing_twice() {
        UUID investor = investors().verifiedWithCash("10000.00");
        UUID first = place(investor, 1);
        UUID second = place(investor, 2);
        SettlementEvent[] batch = {
            submitted(first), submitted(second), confirming(first, 1), confirmed(first), failed(second)
        };
        asOneBatch(() -> feed.publishUnder(first.toString(), batch));
        awaitStatus(investor, first, "COMPLETED");
        awaitStatus(investor, second, "FAILED");
        feed.awaitConsumedBy(consumer.groupId(), PATIENCE);
        StoreSnapshot before = snapshot();

        asOneBatch(() -> feed.publishUnder(first.toString(), batch));
        feed.awaitConsumedBy(consumer.groupId(), PATIENCE);

        assertThat(snapshot()).isEqualTo(before);
        assertThat(order(investor, first)).containsEntry("status", "COMPLETED");
        assertThat(order(investor, second)).containsEntry("status", "FAILED");
        assertThat(journalEntries(first, "FUNDS_CAPTURE")).isEqualTo(1);
        assertThat(journalEntries(second, "FUNDS_RELEASE")).isEqualTo(1);
        assertThat(holding(investor, "BLRTECH")).isEqualTo(1);
        assertThat(investors().available(investor)).isEqualByComparingTo("8985.00");
        LedgerAudit.assertConsistent(db);
    }

    @Test
    void a_batch_dead_letters_only_the_events_no_retry_can_cure_and_applies_the_others_once() {
        UUID investor = investors().verifiedWithCash("10000.00");
        UUID first = place(investor, 1);
        UUID second = place(investor, 3);
        UUID unknownOrder = UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        asOneBatch(() -> {
            feed.publishUnder(key, submitted(first), confirmed(first), submitted(unknownOrder));
            feed.publishUnreadable(key, "SettlementConfirmed");
            feed.publishUnder(key, submitted(second), confirmed(second));
        });

        awaitStatus(investor, first, "COMPLETED");
        awaitStatus(investor, second, "COMPLETED");
        List<ConsumerRecord<String, byte[]>> deadLetters = deadLetters(key, 2);
        assertThat(deadLetters)
                .extracting(record -> header(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                .containsExactly(OrderNotFound.class.getName(), DeserializationException.class.getName());
        feed.awaitConsumedBy(consumer.groupId(), PATIENCE);
        assertThat(journalEntries(first, "FUNDS_CAPTURE")).isEqualTo(1);
        assertThat(journalEntries(second, "FUNDS_CAPTURE")).isEqualTo(1);
        assertThat(statusRowsInOutbox(first))
                .as("ACCEPTED, SETTLING, COMPLETED")
                .isEqualTo(3);
        assertThat(statusRowsInOutbox(second))
                .as("ACCEPTED, SETTLING, COMPLETED")
                .isEqualTo(3);
        assertThat(holding(investor, "BLRTECH")).isEqualTo(4);
        assertThat(investors().available(investor)).isEqualByComparingTo("5950.00");
        assertThat(deadLetters(key, 2)).as("nothing else dead-lettered").hasSize(2);
        LedgerAudit.assertConsistent(db);
    }

    /**
     * Stops the consumers while {@code publish} runs, so that what it publishes arrives in one poll: one batch per
     * consumer, in offset order. (Pausing is not enough: a fetch already waiting at the broker returns the first
     * record alone.) The group's positions were committed when its partitions were assigned, so the restarted
     * consumers read on from there.
     */
    private void asOneBatch(Runnable publish) {
        MessageListenerContainer container = listeners.getListenerContainer(SettlementEventsListener.ID);
        container.stop();
        try {
            publish.run();
        } finally {
            container.start();
        }
    }

    private long journalEntries(UUID orderId, String kind) {
        return db.sql("SELECT count(*) AS n FROM journal_entries WHERE order_id = :id AND kind = :kind")
                .bind("id", orderId)
                .bind("kind", kind)
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }

    private UUID place(UUID investor, int quantity) {
        return UUID.fromString((String) api().accepted(
                        investor,
                        UUID.randomUUID().toString(),
                        aBuyRequest().of("BLRTECH").quantity(quantity))
                .get("orderId"));
    }

    private Map<String, Object> order(UUID investor, UUID orderId) {
        return api().get(investor, orderId.toString())
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    private void awaitStatus(UUID investor, UUID orderId, String status) {
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(order(investor, orderId)).containsEntry("status", status));
    }

    private long holding(UUID investor, String symbol) {
        return db.sql("SELECT coalesce(sum(quantity), 0) AS quantity FROM holdings"
                        + " WHERE user_id = :user AND token_symbol = :symbol")
                .bind("user", investor)
                .bind("symbol", symbol)
                .map(row -> row.get("quantity", Long.class))
                .one()
                .block();
    }

    private String holdStatus(UUID orderId) {
        return db.sql("SELECT status FROM funds_holds WHERE order_id = :id")
                .bind("id", orderId)
                .map(row -> row.get("status", String.class))
                .one()
                .block();
    }

    private long statusRowsInOutbox(UUID orderId) {
        return db.sql("SELECT count(*) AS n FROM outbox WHERE message_key = :key AND event_type = 'OrderStatusChanged'")
                .bind("key", orderId.toString())
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }

    private static List<OrderStatusChanged> publishedStatuses(UUID orderId, int expected) {
        return published(Topics.ORDER_EVENTS, OrderStatusChanged.class, OrderStatusChanged::orderId, orderId, expected);
    }

    private static List<PortfolioChanged> publishedPortfolioChanges(UUID orderId, int expected) {
        return published(Topics.PORTFOLIO_EVENTS, PortfolioChanged.class, PortfolioChanged::orderId, orderId, expected);
    }

    /** The order's events of one type on a topic, once at least {@code expected} are there, duplicates included. */
    private static <T extends DomainEvent> List<T> published(
            String topic, Class<T> eventClass, Function<T, UUID> orderOf, UUID orderId, int expected) {
        String type = eventClass.getSimpleName();
        try (TopicReader reader = new TopicReader(topic)) {
            reader.readUntil(
                    records -> ofType(records, type, eventClass).stream()
                                    .filter(event -> orderOf.apply(event).equals(orderId))
                                    .count()
                            >= expected,
                    PATIENCE);
            return ofType(reader.readToEnd(PATIENCE), type, eventClass).stream()
                    .filter(event -> orderOf.apply(event).equals(orderId))
                    .toList();
        }
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
        return deadLetters(key, 1);
    }

    /** The dead letters under the key, in order, once at least {@code expected} are there. */
    private static List<ConsumerRecord<String, byte[]>> deadLetters(String key, int expected) {
        try (TopicReader reader = new TopicReader(Topics.deadLetter(Topics.SETTLEMENT_EVENTS))) {
            reader.readUntil(
                    records -> records.stream()
                                    .filter(record -> key.equals(record.key()))
                                    .count()
                            >= expected,
                    PATIENCE);
            return reader.readToEnd(PATIENCE).stream()
                    .filter(record -> key.equals(record.key()))
                    .toList();
        }
    }

    private static <T> List<T> ofType(List<ConsumerRecord<String, byte[]>> records, String type, Class<T> eventClass) {
        return records.stream()
                .filter(record -> type.equals(header(record, EventHeaders.EVENT_TYPE)))
                .map(record -> eventClass.cast(EventJson.read(type, record.value())))
                .toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return record.headers().lastHeader(name) == null
                ? null
                : new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
