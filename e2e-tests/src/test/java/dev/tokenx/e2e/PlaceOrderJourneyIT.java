package dev.tokenx.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.events.DomainEvent;
import dev.tokenx.events.OrderPlaced;
import dev.tokenx.events.Topics;
import dev.tokenx.events.kafka.DomainEventDeserializer;
import dev.tokenx.platform.RunningPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole local platform, started as {@code run-local.sh} starts it (real servers, service jars as child JVMs,
 * demo data), driven only through the gateway like a frontend would.
 */
@ExtendWith(SharedPlatform.class)
class PlaceOrderJourneyIT {

    private static final String ALICE_ID = "a11ce000-0000-4000-8000-000000000001";

    private static RunningPlatform platform;
    private static GatewayClient gateway;
    private static String alice;
    private static String bob;

    /** One login each for the class: the login route allows only a few per minute from one address. */
    @BeforeAll
    static void connect(RunningPlatform running) {
        platform = running;
        gateway = new GatewayClient(platform.gatewayUrl());
        alice = gateway.tokenFor("alice", "alice-demo");
        bob = gateway.tokenFor("bob", "bob-demo");
    }

    @Test
    void alice_places_an_order_that_is_accepted_at_once_and_published_for_settlement() {
        String key = UUID.randomUUID().toString();

        GatewayClient.Answer placed =
                gateway.placeOrder(alice, key, "{\"tokenSymbol\":\"BLRTECH\",\"side\":\"BUY\",\"quantity\":10}");

        assertThat(placed.status()).isEqualTo(202);
        assertThat(placed.body().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(placed.body().get("price").asString()).isEqualTo("1000.00");
        assertThat(placed.body().get("platformFee").asString()).isEqualTo("100.00");
        assertThat(placed.body().get("gasFee").asString()).isEqualTo("5.00");
        assertThat(placed.body().get("total").asString()).isEqualTo("10105.00");
        String orderId = placed.body().get("orderId").asString();

        GatewayClient.Answer again =
                gateway.placeOrder(alice, key, "{\"tokenSymbol\":\"BLRTECH\",\"side\":\"BUY\",\"quantity\":10}");
        assertThat(again.body().get("orderId").asString()).isEqualTo(orderId);

        GatewayClient.Answer fetched = gateway.get("/api/trading/orders/" + orderId, alice);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body().get("orderId").asString()).isEqualTo(orderId);

        GatewayClient.Answer listed = gateway.get("/api/trading/place-order", alice);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().findValuesAsString("orderId")).containsOnlyOnce(orderId);

        OrderPlaced published = awaitOrderPlaced(UUID.fromString(orderId));
        assertThat(published.userId()).hasToString(ALICE_ID);
        assertThat(published.quantity()).isEqualTo(10);
        assertThat(published.total()).isEqualByComparingTo("10105.00");
    }

    @Test
    void the_placing_requests_id_is_in_the_log_lines_of_every_service_the_order_passes() {
        String requestId = "journey-" + UUID.randomUUID();

        String orderId = gateway.placeOrder(
                        alice,
                        UUID.randomUUID().toString(),
                        "{\"tokenSymbol\":\"BLRTECH\",\"side\":\"BUY\",\"quantity\":1}",
                        requestId)
                .body()
                .get("orderId")
                .asString();

        Awaitility.await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            assertThat(logLines("gateway-service", requestId))
                    .anyMatch(line -> line.contains("/api/trading/place-order"));
            assertThat(logLines("order-service", requestId))
                    .anyMatch(line -> line.contains("Order " + orderId + " accepted"))
                    .anyMatch(line -> line.contains("Order " + orderId + " is SETTLING"));
            assertThat(logLines("blockchain-service", requestId))
                    .anyMatch(line -> line.contains("Settlement of order " + orderId + ": Submitted"));
            assertThat(logLines("notification-service", requestId))
                    .anyMatch(line -> line.contains("Sent order-status"));
        });
    }

    @Test
    void bob_without_kyc_is_refused_and_cannot_see_alices_orders() {
        String aliceOrder = gateway.placeOrder(
                        alice,
                        UUID.randomUUID().toString(),
                        "{\"tokenSymbol\":\"MUMSEA\",\"side\":\"BUY\",\"quantity\":1}")
                .body()
                .get("orderId")
                .asString();

        GatewayClient.Answer refused = gateway.placeOrder(
                bob, UUID.randomUUID().toString(), "{\"tokenSymbol\":\"MUMSEA\",\"side\":\"BUY\",\"quantity\":1}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("code").asString()).isEqualTo("KYC_REQUIRED");
        assertThat(gateway.get("/api/trading/orders/" + aliceOrder, bob).status())
                .isEqualTo(404);
        assertThat(gateway.get("/api/trading/place-order", bob).body().findValuesAsString("orderId"))
                .isEmpty();
    }

    @Test
    void a_request_without_a_token_is_unauthorized() {
        GatewayClient.Answer answer = gateway.get("/api/trading/place-order", null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body().get("code").asString()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void an_unknown_token_symbol_is_refused_with_a_problem() {

        GatewayClient.Answer answer = gateway.placeOrder(
                alice, UUID.randomUUID().toString(), "{\"tokenSymbol\":\"NOPE\",\"side\":\"BUY\",\"quantity\":1}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("code").asString()).isEqualTo("UNKNOWN_TOKEN");
    }

    private static OrderPlaced awaitOrderPlaced(UUID orderId) {
        // The launcher's super user: the broker authenticates every client and authorizes by ACL.
        Map<String, Object> config =
                new HashMap<>(platform.infrastructure().kafka().superUserClientConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, DomainEvent>> seen = new ArrayList<>();
        try (KafkaConsumer<String, DomainEvent> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new DomainEventDeserializer())) {
            consumer.subscribe(List.of(Topics.ORDER_EVENTS));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
                return seen.stream().anyMatch(r -> isPlacement(r, orderId));
            });
        }
        // The order's status changes share the topic and the key; only the placement itself must be unique.
        List<ConsumerRecord<String, DomainEvent>> forOrder =
                seen.stream().filter(r -> isPlacement(r, orderId)).toList();
        assertThat(forOrder)
                .as("one OrderPlaced per order, even when placed twice")
                .hasSize(1);
        return (OrderPlaced) forOrder.getFirst().value();
    }

    private static boolean isPlacement(ConsumerRecord<String, DomainEvent> record, UUID orderId) {
        return record.key().equals(orderId.toString()) && record.value() instanceof OrderPlaced;
    }

    /** The lines of a service's log that name the request id. */
    private static List<String> logLines(String service, String requestId) throws IOException {
        try (Stream<String> lines = Files.lines(platform.settings().logDir().resolve(service + ".log"))) {
            return lines.filter(line -> line.contains("[" + requestId + "]")).toList();
        }
    }
}
