package dev.tokenx.notifications.delivery;

import static dev.tokenx.notifications.support.AnOrder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tokenx.events.OrderStatusChanged;
import dev.tokenx.events.Topics;
import dev.tokenx.notifications.support.AnOrder;
import dev.tokenx.notifications.support.DeadLetters;
import dev.tokenx.notifications.support.EventPublisher;
import dev.tokenx.notifications.support.RealtimeServers;
import dev.tokenx.notifications.support.ServiceTest;
import dev.tokenx.notifications.support.TestApp;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A message the realtime server refuses is refused for good: signed with a secret the real realtime-server does not
 * know, it is answered 401, sent once and dead-lettered at once, however many retries transient failures would get.
 */
@TestPropertySource(properties = "tokenx.kafka.consumer.retry.max-retries=5")
class RejectedDeliveryTest extends ServiceTest {

    @Autowired
    private RedissonClient redisson;

    private final EventPublisher events = new EventPublisher();
    private DeadLetters deadLetters;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        register(registry, RealtimeServers.hostOf(RealtimeServers.shared()), TestApp.WRONG_SECRET);
    }

    @BeforeEach
    void readDeadLetters() {
        // After the context is up: the service creates the dead-letter topic when it starts.
        deadLetters = DeadLetters.of(Topics.ORDER_EVENTS);
    }

    @AfterEach
    void close() {
        events.close();
        deadLetters.close();
    }

    @Test
    void dead_letters_a_message_the_realtime_server_refuses_after_one_attempt() {
        AnOrder order = anOrder();
        OrderStatusChanged accepted = order.accepted();
        long rejectedBefore = pusherRequests("rejected");

        events.publish(accepted);

        ConsumerRecord<String, byte[]> deadLetter = await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetters.withKey(order.id().toString()), found -> found.isPresent())
                .orElseThrow();
        assertThat(DeadLetters.header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .contains("rejected: HTTP 401");
        assertThat(pusherRequests("rejected") - rejectedBefore).isEqualTo(1);
        assertThat(pusherRequests("unavailable")).isZero();
        assertThat(redisson.getBucket("notifications:delivered:" + accepted.eventId())
                        .isExists())
                .isFalse();
    }
}
