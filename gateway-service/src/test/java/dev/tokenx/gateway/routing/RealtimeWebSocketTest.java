package dev.tokenx.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.Channel;
import com.pusher.client.channel.ChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.connection.ConnectionEventListener;
import com.pusher.client.connection.ConnectionState;
import com.pusher.client.connection.ConnectionStateChange;
import dev.tokenx.gateway.support.RealtimeServer;
import dev.tokenx.testkit.Infrastructure;
import dev.tokenx.testkit.WithRedis;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A browser needs one origin: the Pusher WebSocket goes through the gateway ({@code ws://<gateway>/app/{key}}) to
 * the real realtime-server, and the official clients work through it unchanged.
 */
@WithRedis
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RealtimeWebSocketTest {

    private static RealtimeServer realtime;

    @LocalServerPort
    private int gatewayPort;

    @DynamicPropertySource
    static void routeToTheRealtimeServer(DynamicPropertyRegistry registry) {
        realtime = RealtimeServer.start();
        registry.add("gateway.routing.realtime-server.uri", realtime::baseUrl);
        registry.add("gateway.redis.address", () -> Infrastructure.redis().uri());
        registry.add("gateway.rate-limit.key-prefix", () -> "test-" + UUID.randomUUID());
    }

    @BeforeEach
    void realtimeServerIsUp() {
        realtime.awaitHealthy();
    }

    @AfterAll
    static void stopTheRealtimeServer() {
        if (realtime != null) {
            realtime.close();
        }
    }

    @Test
    void carries_a_pusher_session_subscribed_to_a_public_channel() throws Exception {
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        List<PusherEvent> received = new CopyOnWriteArrayList<>();
        Pusher client = new Pusher(
                RealtimeServer.APP_KEY,
                new PusherOptions().setHost("127.0.0.1").setWsPort(gatewayPort).setUseTLS(false));
        try {
            client.connect(recording(states), ConnectionState.ALL);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> client.getConnection().getState() == ConnectionState.CONNECTED);
            assertThat(client.getConnection().getSocketId()).matches("\\d+\\.\\d+");

            Channel prices = client.subscribe("prices", recordingEvents(received), "price-update");
            await().atMost(Duration.ofSeconds(10)).until(prices::isSubscribed);

            try (com.pusher.rest.Pusher serverApi = new com.pusher.rest.Pusher(
                    RealtimeServer.APP_ID, RealtimeServer.APP_KEY, RealtimeServer.APP_SECRET)) {
                serverApi.setHost("127.0.0.1:" + realtime.port());
                serverApi.setEncrypted(false);
                assertThat(serverApi
                                .trigger("prices", "price-update", Map.of("symbol", "BLRTECH", "price", "1000.00"))
                                .getHttpStatus())
                        .isEqualTo(200);
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
            PusherEvent event = received.getFirst();
            assertThat(event.getChannelName()).isEqualTo("prices");
            assertThat(event.getEventName()).isEqualTo("price-update");
            assertThat(event.getData()).contains("\"symbol\":\"BLRTECH\"").contains("\"price\":\"1000.00\"");
            assertThat(states).doesNotContain(ConnectionState.DISCONNECTED);
        } finally {
            client.disconnect();
        }
    }

    @Test
    void counts_the_upgrade_against_the_lenient_tier_and_answers_with_the_limit_fields() throws IOException {
        List<String> head = upgrade("/app/" + RealtimeServer.APP_KEY + "?protocol=7&client=raw&version=1");

        assertThat(head.getFirst()).startsWith("HTTP/1.1 101");
        assertThat(head)
                .anySatisfy(
                        line -> assertThat(line).startsWith("RateLimit-Policy: \"realtime-websocket-ip\";q=100;w=60"))
                .anySatisfy(line -> assertThat(line).startsWith("X-RateLimit-Limit: 100"));
    }

    private List<String> upgrade(String target) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), gatewayPort)) {
            socket.setSoTimeout(10_000);
            String request = "GET " + target + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + gatewayPort + "\r\n"
                    + "Upgrade: websocket\r\n"
                    + "Connection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            List<String> head = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.add(line);
            }
            return head;
        }
    }

    private static ChannelEventListener recordingEvents(List<PusherEvent> received) {
        return new ChannelEventListener() {
            @Override
            public void onSubscriptionSucceeded(String channelName) {
                // Channel.isSubscribed() reports it.
            }

            @Override
            public void onEvent(PusherEvent event) {
                received.add(event);
            }
        };
    }

    private static ConnectionEventListener recording(List<ConnectionState> states) {
        return new ConnectionEventListener() {
            @Override
            public void onConnectionStateChange(ConnectionStateChange change) {
                states.add(change.getCurrentState());
            }

            @Override
            public void onError(String message, String code, Exception e) {
                states.add(ConnectionState.DISCONNECTED);
            }
        };
    }
}
