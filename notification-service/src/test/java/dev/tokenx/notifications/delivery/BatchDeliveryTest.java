package dev.tokenx.notifications.delivery;

import static dev.tokenx.notifications.support.AnOrder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tokenx.events.OrderStatusChanged;
import dev.tokenx.notifications.support.AnOrder;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A backlog of statuses goes out as Pusher {@code batch_events} requests of at most ten events each, in the order the
 * statuses happened. The Pusher HTTP API here is a real HTTP server in the test that accepts every request and keeps
 * what it was sent.
 */
class BatchDeliveryTest extends ServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PusherApi PUSHER = new PusherApi();

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

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(PUSHER.events()).hasSize(statuses.size()));
        assertThat(PUSHER.paths)
                .allSatisfy(path -> assertThat(path).isEqualTo("/apps/" + TestApp.ID + "/batch_events"));
        assertThat(PUSHER.batches).extracting(List::size).containsExactly(10, 10, 3);
        assertThat(PUSHER.events()).extracting(event -> event.get("name")).containsOnly("order-status");
        assertThat(PUSHER.events())
                .extracting(
                        event -> data(event).get("status") + " " + data(event).get("confirmations"))
                .containsExactlyElementsOf(statuses.stream()
                        .map(status -> status.status() + " " + status.confirmations())
                        .toList());
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

        List<Map<String, Object>> events() {
            return batches.stream().flatMap(List::stream).toList();
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
