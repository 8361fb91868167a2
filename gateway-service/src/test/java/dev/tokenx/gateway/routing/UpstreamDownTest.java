package dev.tokenx.gateway.routing;

import static dev.tokenx.gateway.support.TestTokens.aToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class UpstreamDownTest {

    private static final int CLOSED_PORT = closedPort();

    @Autowired
    private WebTestClient web;

    @DynamicPropertySource
    static void routeToAPortNobodyListensOn(DynamicPropertyRegistry registry) {
        registry.add("gateway.routing.order-service.uri", () -> "http://127.0.0.1:" + CLOSED_PORT);
        registry.add("gateway.rate-limit.enabled", () -> "false");
    }

    @Test
    void answers_503_problem_when_the_service_is_down() {
        web.get()
                .uri("/api/trading/orders")
                .headers(headers -> headers.setBearerAuth(aToken().build()))
                .header("X-Request-Id", "down-1")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("SERVICE_UNAVAILABLE")
                .jsonPath("$.requestId")
                .isEqualTo("down-1");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
