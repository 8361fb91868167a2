package dev.tokenx.notifications.delivery;

import static dev.tokenx.notifications.support.AnOrder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tokenx.events.EventHeaders;
import dev.tokenx.events.EventJson;
import dev.tokenx.events.OrderStatusChanged;
import dev.tokenx.events.Topics;
import dev.tokenx.notifications.delivery.application.RealtimeDeliveryFailed;
import dev.tokenx.notifications.delivery.domain.UndeliverableEvent;
import dev.tokenx.notifications.support.AnOrder;
import dev.tokenx.notifications.support.DeadLetters;
import dev.tokenx.notifications.support.EventPublisher;
import dev.tokenx.notifications.support.ServiceTest;
import dev.tokenx.notifications.support.TestApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * What cannot be delivered ends on the dead-letter topic, as it came, with the reason in its headers. The realtime
 * "server" here is a black hole: a socket that accepts connections (the kernel does, into its backlog) and never
 * answers, so every send times out after {@code request-timeout}.
 */
@TestPropertySource(properties = "notifications.pusher.request-timeout=300ms")
class DeadLetterTest extends ServiceTest {

    private static final Duration DEAD_LETTERED = Duration.ofSeconds(30);
    private static final ServerSocket BLACK_HOLE = blackHole();

    @Autowired
    private RedissonClient redisson;

    private final EventPublisher events = new EventPublisher();
    private DeadLetters deadLetters;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        register(registry, "127.0.0.1:" + BLACK_HOLE.getLocalPort(), TestApp.SECRET);
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

    @AfterAll
    static void closeBlackHole() throws IOException {
        BLACK_HOLE.close();
    }

    @Test
    void retries_a_send_that_times_out_with_backoff_then_dead_letters_it_unchanged() {
        AnOrder order = anOrder();
        OrderStatusChanged accepted = order.accepted();
        long timedOutBefore = pusherRequests("unavailable");
        double deadLetteredBefore = counter("tokenx.kafka.dead.letters", "topic", Topics.ORDER_EVENTS);
        Instant published = Instant.now();

        events.publish(accepted);

        ConsumerRecord<String, byte[]> deadLetter = await().atMost(DEAD_LETTERED)
                .until(() -> deadLetters.withKey(order.id().toString()), found -> found.isPresent())
                .orElseThrow();
        // Counted once the dead letter is written, so possibly after it can be read.
        await().untilAsserted(() -> assertThat(
                        counter("tokenx.kafka.dead.letters", "topic", Topics.ORDER_EVENTS) - deadLetteredBefore)
                .isEqualTo(1));
        // The first attempt and two retries, each timed out, with 0.1 s and 0.2 s between them.
        assertThat(pusherRequests("unavailable") - timedOutBefore).isEqualTo(3);
        assertThat(Duration.between(published, Instant.now())).isGreaterThan(Duration.ofMillis(3 * 300 + 100 + 200));
        assertThat(DeadLetters.header(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC))
                .isEqualTo(Topics.ORDER_EVENTS);
        assertThat(DeadLetters.header(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                .isEqualTo(RealtimeDeliveryFailed.class.getName());
        assertThat(DeadLetters.header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .contains("order-status", accepted.eventId().toString());
        // A replay reads it like the original.
        assertThat(DeadLetters.header(deadLetter, EventHeaders.EVENT_TYPE)).isEqualTo("OrderStatusChanged");
        assertThat(EventJson.read(OrderStatusChanged.class, new String(deadLetter.value(), StandardCharsets.UTF_8)))
                .isEqualTo(accepted);
        assertThat(redisson.getBucket("notifications:delivered:" + accepted.eventId())
                        .isExists())
                .as("a message never sent is not remembered as sent")
                .isFalse();
    }

    @Test
    void dead_letters_a_record_that_cannot_be_read_without_trying_to_send_it() {
        String key = UUID.randomUUID().toString();
        long requestsBefore = pusherRequests("unavailable");
        byte[] garbage = "{\"eventId\": not json".getBytes(StandardCharsets.UTF_8);

        events.publishRaw(Topics.ORDER_EVENTS, key, "OrderStatusChanged", garbage);

        ConsumerRecord<String, byte[]> deadLetter = await().atMost(DEAD_LETTERED)
                .until(() -> deadLetters.withKey(key), found -> found.isPresent())
                .orElseThrow();
        assertThat(deadLetter.value()).isEqualTo(garbage);
        assertThat(DeadLetters.header(deadLetter, KafkaHeaders.DLT_EXCEPTION_FQCN))
                .isEqualTo(DeserializationException.class.getName());
        assertThat(pusherRequests("unavailable")).isEqualTo(requestsBefore);
    }

    @Test
    void dead_letters_a_record_without_an_event_type_header() {
        String key = UUID.randomUUID().toString();
        byte[] json = EventJson.write(anOrder().accepted());

        events.publishRaw(Topics.ORDER_EVENTS, key, null, json);

        ConsumerRecord<String, byte[]> deadLetter = await().atMost(DEAD_LETTERED)
                .until(() -> deadLetters.withKey(key), found -> found.isPresent())
                .orElseThrow();
        assertThat(deadLetter.value()).isEqualTo(json);
        assertThat(DeadLetters.header(deadLetter, KafkaHeaders.DLT_EXCEPTION_FQCN))
                .isEqualTo(DeserializationException.class.getName());
    }

    @Test
    void dead_letters_an_event_that_names_no_user_without_trying_to_send_it() {
        AnOrder order = anOrder();
        OrderStatusChanged accepted = order.accepted();
        OrderStatusChanged withoutUser = new OrderStatusChanged(
                accepted.eventId(),
                accepted.orderId(),
                null,
                accepted.tokenSymbol(),
                accepted.status(),
                null,
                null,
                null,
                null,
                accepted.occurredAt());
        long requestsBefore = pusherRequests("unavailable");

        events.publish(withoutUser);

        ConsumerRecord<String, byte[]> deadLetter = await().atMost(DEAD_LETTERED)
                .until(() -> deadLetters.withKey(order.id().toString()), found -> found.isPresent())
                .orElseThrow();
        assertThat(DeadLetters.header(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                .isEqualTo(UndeliverableEvent.class.getName());
        assertThat(DeadLetters.header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .contains("has no userId");
        assertThat(pusherRequests("unavailable")).isEqualTo(requestsBefore);
    }

    private static ServerSocket blackHole() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
