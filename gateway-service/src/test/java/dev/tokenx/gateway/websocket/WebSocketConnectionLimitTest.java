package dev.tokenx.gateway.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tokenx.gateway.support.GatewayIntegrationTest;
import dev.tokenx.gateway.support.StubWebSocketUpstream;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;

/**
 * The realtime WebSocket through the gateway holds at most 2 sessions per client address and 3 per instance
 * (behind the trusted proxy 127.0.0.1, so that {@code X-Forwarded-For} names the client); a refused upgrade is a
 * problem, and a closed session frees its place.
 */
@TestPropertySource(
        properties = {
            "gateway.websocket.max-connections-per-address=2",
            "gateway.websocket.max-connections=3",
            "gateway.rate-limit.trusted-proxies=127.0.0.1",
            "gateway.server.request-head-timeout=1s"
        })
class WebSocketConnectionLimitTest extends GatewayIntegrationTest {

    private static final StubWebSocketUpstream REALTIME = StubWebSocketUpstream.start();

    private final List<Disposable> sessions = new ArrayList<>();

    @Autowired
    private MeterRegistry meters;

    @DynamicPropertySource
    static void realtimeServer(DynamicPropertyRegistry registry) {
        registry.add("gateway.routing.realtime-server.uri", REALTIME::baseUrl);
    }

    @AfterAll
    static void stopRealtime() {
        REALTIME.stop();
    }

    @AfterEach
    void closeEverySession() {
        sessions.forEach(Disposable::dispose);
        await().atMost(Duration.ofSeconds(10)).until(() -> openConnections() == 0);
    }

    @Test
    void a_third_session_from_one_address_is_refused_until_one_closes() {
        Disposable first = connect("198.51.100.10");
        connect("198.51.100.10");

        upgrade("198.51.100.10")
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("TOO_MANY_CONNECTIONS");

        first.dispose();
        await().atMost(Duration.ofSeconds(10)).until(() -> openConnections() == 1);
        connect("198.51.100.10");
    }

    @Test
    void the_instance_refuses_past_its_cap_whatever_the_address() {
        connect("198.51.100.20");
        connect("198.51.100.21");
        connect("198.51.100.22");

        upgrade("198.51.100.23")
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("SERVICE_UNAVAILABLE");
    }

    @Test
    void ipv6_clients_of_one_64_share_the_address_cap() {
        connect("2001:db8:7:7::1");
        connect("2001:db8:7:7::2");

        upgrade("2001:db8:7:7::3").expectStatus().isEqualTo(429);
    }

    @Test
    void a_session_outlives_the_request_head_deadline() {
        sessions.add(HttpClient.create()
                .websocket()
                .uri("ws://127.0.0.1:" + port + "/app/key")
                .handle((in, out) -> out.sendString(Mono.just("ping"))
                        .then()
                        .thenMany(in.receive().asString()))
                .subscribe());
        await().atMost(Duration.ofSeconds(5)).until(() -> openConnections() == 1);

        // Frames after the upgrade are no request head: no deadline (1 s here) may close the session.
        await().during(Duration.ofMillis(2_500)).atMost(Duration.ofSeconds(4)).until(() -> openConnections() == 1);
    }

    /** Opens a session and waits for the upstream's greeting: the session is then counted. */
    private Disposable connect(String clientAddress) {
        Sinks.One<String> greeted = Sinks.one();
        Disposable session = HttpClient.create()
                .headers(headers -> headers.set("X-Forwarded-For", clientAddress))
                .websocket()
                .uri("ws://127.0.0.1:" + port + "/app/key")
                .handle((in, out) -> in.receiveFrames()
                        .doOnNext(frame -> greeted.tryEmitValue("greeted"))
                        .then())
                .subscribe();
        sessions.add(session);
        assertThat(greeted.asMono().block(Duration.ofSeconds(10))).isEqualTo("greeted");
        return session;
    }

    private WebTestClient.ResponseSpec upgrade(String clientAddress) {
        return web.get()
                .uri("/app/key")
                .header("X-Forwarded-For", clientAddress)
                .header(HttpHeaders.UPGRADE, "websocket")
                .header(HttpHeaders.CONNECTION, "Upgrade")
                .header("Sec-WebSocket-Version", "13")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .exchange();
    }

    private double openConnections() {
        return meters.get(WebSocketConnectionLimitConfiguration.OPEN_CONNECTIONS)
                .gauge()
                .value();
    }
}
