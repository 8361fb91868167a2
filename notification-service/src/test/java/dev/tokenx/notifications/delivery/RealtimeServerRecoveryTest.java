package dev.tokenx.notifications.delivery;

import static dev.tokenx.notifications.support.AnOrder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tokenx.events.OrderStatusChanged;
import dev.tokenx.infra.FreePorts;
import dev.tokenx.infra.ServiceProcess;
import dev.tokenx.notifications.channel.domain.Channels;
import dev.tokenx.notifications.support.AnOrder;
import dev.tokenx.notifications.support.EventPublisher;
import dev.tokenx.notifications.support.Jwts;
import dev.tokenx.notifications.support.Messages;
import dev.tokenx.notifications.support.RealtimeServers;
import dev.tokenx.notifications.support.RealtimeSubscriber;
import dev.tokenx.notifications.support.ServiceTest;
import dev.tokenx.notifications.support.TestApp;
import dev.tokenx.notifications.support.Users;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The service sends to a realtime-server instance that is down; alice is connected to another instance of the same
 * deployment, which shares its Redis. The send is retried until the instance is up, then reaches alice through the
 * instances' Redis fan-out, once.
 */
@TestPropertySource(
        properties = {"tokenx.kafka.consumer.retry.max-retries=300", "tokenx.kafka.consumer.retry.max-interval=200ms"})
class RealtimeServerRecoveryTest extends ServiceTest {

    private static final int DOWN_INSTANCE_PORT = FreePorts.pick();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        register(registry, "127.0.0.1:" + DOWN_INSTANCE_PORT, TestApp.SECRET);
    }

    @Test
    void retries_while_the_realtime_server_is_down_and_delivers_once_it_is_back() {
        AnOrder order = anOrder().of(Users.ALICE);
        OrderStatusChanged accepted = order.accepted();
        try (EventPublisher events = new EventPublisher();
                RealtimeSubscriber alice = RealtimeSubscriber.connect(
                        RealtimeServers.shared(), authEndpoint(), Jwts.bearer(Users.ALICE))) {
            alice.subscribePrivate(Channels.ofUser(Users.ALICE), "order-status");

            events.publish(accepted);
            await().atMost(Duration.ofSeconds(30)).until(() -> pusherRequests("unavailable") >= 2);

            try (ServiceProcess restarted = RealtimeServers.start(DOWN_INSTANCE_PORT)) {
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> assertThat(statuses(alice, order)).hasSize(1));

                // Redelivered after the send succeeded: suppressed; the next status follows it.
                events.publish(accepted, order.settling());
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> assertThat(statuses(alice, order))
                                .extracting(status -> status.get("status"))
                                .containsExactly("ACCEPTED", "SETTLING"));
            }
        }
    }

    private static List<Map<String, Object>> statuses(RealtimeSubscriber alice, AnOrder order) {
        return Messages.about(alice.received(Channels.ofUser(Users.ALICE)), "order-status", order.id());
    }
}
