package dev.tokenx.notifications.delivery;

import static dev.tokenx.notifications.support.AnOrder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tokenx.events.EventJson;
import dev.tokenx.events.OrderStatusChanged;
import dev.tokenx.events.Topics;
import dev.tokenx.notifications.delivery.domain.UndeliverableEvent;
import dev.tokenx.notifications.support.AnOrder;
import dev.tokenx.notifications.support.DeadLetters;
import dev.tokenx.notifications.support.EventPublisher;
import dev.tokenx.notifications.support.ServiceTest;
import dev.tokenx.notifications.support.TestApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A backlog of statuses goes out as Pusher {@code batch_events} requests of at most ten events each, in the order the
 * statuses happened; an event in it that cannot become a message is dead-lettered alone. The Pusher HTTP API here is
 * a real HTTP server in the test that accepts every request and keeps what it was sent.
 */
class BatchDeliveryTest extends ServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PusherApi PUSHER = new PusherApi();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        register(registry, PUSHER.host(), TestApp.SECRET);
    }

    @AfterAll
    static void stopPusher() {
        PUSHER.stop();
    }

    @Test
    void sends_a_backlog_of_statuses_as_batch_requests_of_at_most_ten_events_in_order() {
        AnOrder order = anOrder();
        List<OrderStatusChanged> statuses = new ArrayList<>();
        statuses.add(order.accepted());
        statuses.add(order.settling());
        IntStream.rangeClosed(1, 20).forEach(confirmations -> statuses.add(order.confirming(confirmations)));
        statuses.add(order.completed());

        asOneBacklog(() -> {
            try (EventPublisher events = new EventPublisher()) {
                events.publish(statuses.toArray(OrderStatusChanged[]::new));
            }
        });

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(PUSHER.eventsAbout(order)).hasSize(statuses.size()));
        assertThat(PUSHER.paths)
                .allSatisfy(path -> assertThat(path).isEqualTo("/apps/" + TestApp.ID + "/batch_events"));
        assertThat(PUSHER.batchesAbout(order)).extracting(List::size).containsExactly(10, 10, 3);
        assertThat(PUSHER.eventsAbout(order))
                .extracting(event -> event.get("name"))
                .containsOnly("order-status");
        assertThat(PUSHER.eventsAbout(order))
                .extracting(event -> statusOf(event))
                .containsExactlyElementsOf(statuses.stream()
                        .map(status -> status.status() + " " + status.confirmations())
                        .toList());
    }

    @Test
    void dead_letters_only_the_event_that_cannot_become_a_message_and_sends_the_others_in_order() {
        AnOrder order = anOrder();
        OrderStatusChanged confirming = order.confirming(1);
        OrderStatusChanged withoutUser = new OrderStatusChanged(
                confirming.eventId(),
                confirming.orderId(),
                null,
                confirming.tokenSymbol(),
                confirming.status(),
                confirming.txHash(),
                confirming.confirmations(),
                confirming.requiredConfirmations(),
                null,
                confirming.occurredAt());

        asOneBacklog(() -> {
            try (EventPublisher events = new EventPublisher()) {
                events.publish(order.accepted(), order.settling(), withoutUser, order.confirming(2), order.completed());
            }
        });

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(PUSHER.eventsAbout(order))
                        .extracting(event -> statusOf(event))
                        .containsExactly("ACCEPTED null", "SETTLING null", "CONFIRMING 2", "COMPLETED 3"));
        try (DeadLetters deadLetters = DeadLetters.of(Topics.ORDER_EVENTS)) {
            ConsumerRecord<String, byte[]> deadLetter = await().atMost(PATIENCE)
                    .until(() -> deadLetters.withKey(order.id().toString()), found -> found.isPresent())
                    .orElseThrow();
            assertThat(DeadLetters.header(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                    .isEqualTo(UndeliverableEvent.class.getName());
            assertThat(EventJson.read(OrderStatusChanged.class, new String(deadLetter.value(), StandardCharsets.UTF_8)))
                    .isEqualTo(withoutUser);
        }
        assertThat(PUSHER.batchesAbout(order))
                .as("the two before it in one request, the two after it in the next")
                .extracting(List::size)
                .containsExactly(2, 2);
    }

    private static String statusOf(Map<String, Object> event) {
        Map<String, Object> data = data(event);
        return data.get("status") + " " + data.get("confirmations");
    }

    /** The listener is stopped while the statuses are published, so that they wait for it as one backlog. */
    private void asOneBacklog(Runnable publish) {
        MessageListenerContainer container = listeners.getListenerContainer("notifications-order-events");
        container.stop();
        try {
            publish.run();
        } finally {
            container.start();
        }
    }

    private static Map<String, Object> data(Map<String, Object> event) {
        // Pusher's wire format: each event's data is a JSON document in a string.
        return JSON.readValue((String) event.get("data"), new TypeReference<>() {});
    }

    /** Answers every request 200 {} and keeps each batch's events. */
    private static final class PusherApi {

        private final HttpServer server;
        private final List<String> paths = new CopyOnWriteArrayList<>();
        private final List<List<Map<String, Object>>> batches = new CopyOnWriteArrayList<>();

        PusherApi() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", this::handle);
            server.start();
        }

        String host() {
            return "127.0.0.1:" + server.getAddress().getPort();
        }

        /** The requests that carried messages about the order, each with only those messages. */
        List<List<Map<String, Object>>> batchesAbout(AnOrder order) {
            return batches.stream()
                    .map(batch -> batch.stream()
                            .filter(event ->
                                    order.id().toString().equals(data(event).get("orderId")))
                            .toList())
                    .filter(batch -> !batch.isEmpty())
                    .toList();
        }

        List<Map<String, Object>> eventsAbout(AnOrder order) {
            return batchesAbout(order).stream().flatMap(List::stream).toList();
        }

        private void handle(HttpExchange exchange) throws IOException {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            paths.add(exchange.getRequestURI().getPath());
            Map<String, List<Map<String, Object>>> batch = JSON.readValue(body, new TypeReference<>() {});
            batches.add(batch.get("batch"));
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        }

        void stop() {
            server.stop(0);
        }
    }
}
