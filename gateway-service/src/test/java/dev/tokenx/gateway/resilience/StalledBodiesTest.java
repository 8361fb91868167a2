package dev.tokenx.gateway.resilience;

import static dev.tokenx.gateway.support.TestTokens.aToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.gateway.support.RawHttp;
import dev.tokenx.gateway.support.RawHttp.RawAnswer;
import dev.tokenx.gateway.support.StubUpstream;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * A signed-in client that stalls its request bodies gets its own 408s; the service behind, which never saw those
 * requests, keeps a closed breaker (the production one: opens at 50 % of at least 10 calls) for everybody else.
 * Trading's response timeout (500 ms) is shorter than its body deadline (1 s), as a streamed body would make it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gateway.rate-limit.enabled=false",
            "gateway.routing.order-service.response-timeout=500ms",
            "gateway.request-body.routes.trading.read-timeout=1s",
            "gateway.request-body.routes.trading.max-size=1KB"
        })
@AutoConfigureWebTestClient(timeout = "30s")
class StalledBodiesTest {

    private static final StubUpstream ORDERS = StubUpstream.start("order-service");
    private static final String ORDER = "{\"tokenSymbol\":\"BLRTECH\",\"side\":\"BUY\",\"quantity\":2}";

    @Autowired
    private WebTestClient web;

    @Autowired
    private ReactiveResilience4JCircuitBreakerFactory breakers;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void orderService(DynamicPropertyRegistry registry) {
        registry.add("gateway.routing.order-service.uri", ORDERS::baseUrl);
    }

    @AfterAll
    static void stopStub() {
        ORDERS.stop();
    }

    @Test
    void fifteen_stalled_bodies_answer_408_and_leave_the_breaker_closed_for_the_next_order() throws IOException {
        String marker = UUID.randomUUID().toString();
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 15; i++) {
                Socket socket = RawHttp.open(port);
                stalled.add(socket);
                RawHttp.send(socket, placement(marker, ORDER.length()) + ORDER.substring(0, 10));
            }
            for (Socket socket : stalled) {
                RawAnswer answer = RawHttp.read(socket);
                assertThat(answer.status()).isEqualTo(408);
                assertThat(answer.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                assertThat(answer.body()).contains("\"code\":\"REQUEST_TIMEOUT\"");
            }
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        assertThat(ORDERS.receivedWith(marker)).isEmpty();

        web.post()
                .uri(StubUpstream.PLACEMENT_PATH + "?probe=" + marker)
                .headers(headers -> headers.setBearerAuth(aToken().build()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ORDER)
                .exchange()
                .expectStatus()
                .isAccepted();

        CircuitBreaker breaker =
                breakers.getCircuitBreakerRegistry().find("order-service").orElseThrow();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void a_body_over_the_routes_limit_is_refused_with_413_before_it_is_read() throws IOException {
        String marker = UUID.randomUUID().toString();

        RawAnswer answer = RawHttp.exchange(port, placement(marker, 2048));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(answer.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
        assertThat(ORDERS.receivedWith(marker)).isEmpty();
    }

    @Test
    void a_chunked_body_that_grows_over_the_limit_is_refused_with_413() {
        String marker = UUID.randomUUID().toString();

        web.post()
                .uri(StubUpstream.PLACEMENT_PATH + "?probe=" + marker)
                .headers(headers -> headers.setBearerAuth(aToken().build()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(
                        Flux.range(0, 40)
                                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(
                                        "0123456789012345678901234567890123456789".getBytes(StandardCharsets.UTF_8))),
                        DataBuffer.class)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("PAYLOAD_TOO_LARGE");

        assertThat(ORDERS.receivedWith(marker)).isEmpty();
    }

    private String placement(String marker, int contentLength) {
        return "POST " + StubUpstream.PLACEMENT_PATH + "?probe=" + marker + " HTTP/1.1\r\n"
                + "Host: localhost:" + port + "\r\n"
                + "Authorization: Bearer " + aToken().build() + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + contentLength + "\r\n\r\n";
    }
}
