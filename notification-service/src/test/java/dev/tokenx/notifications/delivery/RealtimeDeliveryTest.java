package dev.tokenx.notifications.delivery;

import static dev.tokenx.notifications.support.AnOrder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pusher.client.channel.PusherEvent;
import dev.tokenx.events.SystemAnnouncement;
import dev.tokenx.events.Topics;
import dev.tokenx.events.samples.GoldenSamples;
import dev.tokenx.infra.FreePorts;
import dev.tokenx.infra.RedisServer;
import dev.tokenx.infra.ServiceProcess;
import dev.tokenx.notifications.channel.domain.Channels;
import dev.tokenx.notifications.delivery.application.DeliveryLog;
import dev.tokenx.notifications.delivery.application.DeliveryLogUnavailable;
import dev.tokenx.notifications.support.AnOrder;
import dev.tokenx.notifications.support.EventPublisher;
import dev.tokenx.notifications.support.Jwts;
import dev.tokenx.notifications.support.Messages;
import dev.tokenx.notifications.support.RealtimeServers;
import dev.tokenx.notifications.support.RealtimeSubscriber;
import dev.tokenx.notifications.support.ServiceTest;
import dev.tokenx.notifications.support.TestApp;
import dev.tokenx.notifications.support.Users;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Events on Kafka reach the official Pusher client through the real realtime-server, with the user's private channel
 * authorized by this service. The service keeps its delivery log in a Redis of its own here, so that stopping it does
 * not disturb the realtime-server's fan-out Redis.
 */
class RealtimeDeliveryTest extends ServiceTest {

    private static final Duration DELIVERY = Duration.ofSeconds(20);
    private static final String ORDER_STATUS = "order-status";
    private static final RedisServer DELIVERY_LOG = RedisServer.start(FreePorts.pick(), null);

    @Autowired
    private DeliveryLog deliveryLog;

    private final EventPublisher events = new EventPublisher();
    private final ServiceProcess realtime = RealtimeServers.shared();
    private RealtimeSubscriber alice;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        register(registry, RealtimeServers.hostOf(RealtimeServers.shared()), TestApp.SECRET);
        registry.add("notifications.redis.address", DELIVERY_LOG::uri);
    }

    @BeforeEach
    void aliceWatchesHerChannel() {
        alice = RealtimeSubscriber.connect(realtime, authEndpoint(), Jwts.bearer(Users.ALICE));
        alice.subscribePrivate(Channels.ofUser(Users.ALICE), ORDER_STATUS, "portfolio-updated");
    }

    @AfterEach
    void disconnect() {
        alice.close();
        events.close();
    }

    @AfterAll
    static void stopDeliveryLog() {
        DELIVERY_LOG.close();
    }

    @Test
    void sends_every_status_of_an_order_in_order_with_its_human_message_and_tx_hash() {
        AnOrder order = anOrder().of(Users.ALICE).buying("BLRTECH");

        events.publish(
                order.accepted(),
                order.settling(),
                order.confirming(1),
                order.confirming(2),
                order.confirming(3),
                order.completed());

        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(statusesOf(order)).hasSize(6));
        List<Map<String, Object>> statuses = statusesOf(order);
        assertThat(statuses)
                .extracting(status -> status.get("message"))
                .containsExactly(
                        "Order accepted — funds reserved",
                        "Executing on blockchain",
                        "Confirming 1/3",
                        "Confirming 2/3",
                        "Confirming 3/3",
                        "Trade completed");
        assertThat(statuses)
                .extracting(status -> status.get("status"))
                .containsExactly("ACCEPTED", "SETTLING", "CONFIRMING", "CONFIRMING", "CONFIRMING", "COMPLETED");
        assertThat(statuses.getFirst()).doesNotContainKey("txHash").containsEntry("tokenSymbol", "BLRTECH");
        assertThat(statuses.subList(1, 6))
                .allSatisfy(status -> assertThat(status)
                        .containsEntry("txHash", order.txHash())
                        .containsEntry("orderId", order.id().toString()));
        assertThat(statuses.get(3))
                .containsEntry("confirmations", 2)
                .containsEntry("requiredConfirmations", 3)
                .containsKey("occurredAt");
    }

    @Test
    void tells_why_an_order_failed_and_that_the_funds_are_released() {
        AnOrder order = anOrder().of(Users.ALICE);

        events.publish(order.accepted(), order.failed("Transfer refused: address frozen"));

        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(statusesOf(order)).hasSize(2));
        assertThat(statusesOf(order).get(1))
                .containsEntry("status", "FAILED")
                .containsEntry("reason", "Transfer refused: address frozen")
                .containsEntry("message", "Failed: Transfer refused: address frozen — funds released");
    }

    @Test
    void delivers_a_redelivered_event_once() {
        AnOrder order = anOrder().of(Users.ALICE);
        var accepted = order.accepted();

        // Same order, same partition: once the settling message arrives, the duplicate has been handled.
        events.publish(accepted, accepted, order.settling());

        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(statusesOf(order))
                        .extracting(status -> status.get("status"))
                        .containsExactly("ACCEPTED", "SETTLING"));
        assertThat(counter("notifications.duplicates", "event", ORDER_STATUS)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void reads_the_golden_samples_and_says_nothing_about_a_placed_order() {
        String placed = GoldenSamples.read("order-placed.v1");
        String changed = GoldenSamples.read("order-status-changed.v1");
        String orderId = "0c9a1f43-7d2b-4e8a-b5f6-2a7c9e1d3f50";

        events.publishRaw(Topics.ORDER_EVENTS, orderId, "OrderPlaced", placed.getBytes(StandardCharsets.UTF_8));
        events.publishRaw(Topics.ORDER_EVENTS, orderId, "OrderStatusChanged", changed.getBytes(StandardCharsets.UTF_8));

        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(
                                Messages.about(alice.received(Channels.ofUser(Users.ALICE)), ORDER_STATUS, orderId))
                        .hasSize(1));
        assertThat(Messages.about(alice.received(Channels.ofUser(Users.ALICE)), ORDER_STATUS, orderId)
                        .getFirst())
                .containsEntry("status", "CONFIRMING")
                .containsEntry("message", "Confirming 2/3")
                .containsEntry("txHash", "0x9f2c4e6a8b0d1f3e5c7a9b1d3f5e7c9a1b3d5f7e9c1a3b5d7f9e1c3a5b7d9f1e")
                .containsEntry("tokenSymbol", "BLRTECH")
                .containsEntry("occurredAt", "2026-11-26T05:00:03.456Z")
                .doesNotContainKey("reason");
    }

    @Test
    void sends_a_changed_holding_as_portfolio_updated() {
        AnOrder order = anOrder().of(Users.ALICE).buying("PRPTY1");

        events.publish(order.holding(25));

        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(Messages.about(
                                alice.received(Channels.ofUser(Users.ALICE)), "portfolio-updated", order.id()))
                        .singleElement()
                        .satisfies(update -> assertThat(update)
                                .containsEntry("tokenSymbol", "PRPTY1")
                                .containsEntry("quantity", 25)
                                .containsEntry("message", "You now hold 25 PRPTY1")));
    }

    @Test
    void announces_to_everybody_on_the_public_system_channel() {
        alice.subscribe(Channels.SYSTEM, "announcement");
        UUID eventId = UUID.randomUUID();

        events.publish(new SystemAnnouncement(
                eventId, "Scheduled maintenance", "Trading pauses at 02:00 IST.", "INFO", Instant.now()));

        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(alice.received(Channels.SYSTEM))
                        .extracting(Messages::body)
                        .anySatisfy(body -> assertThat(body)
                                .containsEntry("title", "Scheduled maintenance")
                                .containsEntry("message", "Trading pauses at 02:00 IST.")
                                .containsEntry("severity", "INFO")));
    }

    @Test
    void keeps_sending_while_the_delivery_log_is_down_counts_each_miss_and_suppresses_duplicates_again_after() {
        AnOrder order = anOrder().of(Users.ALICE);
        double lookupsMissed = counter("notifications.deduplication.unavailable", "operation", "lookup");
        double recordsMissed = counter("notifications.deduplication.unavailable", "operation", "record");
        DELIVERY_LOG.stop();
        try {
            events.publish(order.accepted(), order.settling());

            await().atMost(DELIVERY)
                    .untilAsserted(() -> assertThat(statusesOf(order))
                            .extracting(status -> status.get("status"))
                            .containsExactly("ACCEPTED", "SETTLING"));
            // Each message is recorded after alice may have seen it.
            await().untilAsserted(() -> {
                assertThat(counter("notifications.deduplication.unavailable", "operation", "lookup"))
                        .isEqualTo(lookupsMissed + 2);
                assertThat(counter("notifications.deduplication.unavailable", "operation", "record"))
                        .isEqualTo(recordsMissed + 2);
            });
        } finally {
            DELIVERY_LOG.restart();
        }
        await().atMost(DELIVERY).until(this::deliveryLogAnswers);

        var confirming = order.confirming(1);
        events.publish(confirming, confirming, order.confirming(2));
        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(statusesOf(order))
                        .extracting(status -> status.get("message"))
                        .containsExactly(
                                "Order accepted — funds reserved",
                                "Executing on blockchain",
                                "Confirming 1/3",
                                "Confirming 2/3"));
    }

    /** Redis is back and the adapter's outage cooldown is over. */
    private boolean deliveryLogAnswers() {
        try {
            deliveryLog.delivered(List.of(UUID.randomUUID()));
            return true;
        } catch (DeliveryLogUnavailable stillDown) {
            return false;
        }
    }

    private List<Map<String, Object>> statusesOf(AnOrder order) {
        List<PusherEvent> received = alice.received(Channels.ofUser(Users.ALICE));
        return Messages.about(received, ORDER_STATUS, order.id());
    }
}
