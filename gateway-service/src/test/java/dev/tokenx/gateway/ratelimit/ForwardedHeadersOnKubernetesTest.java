package dev.tokenx.gateway.ratelimit;

import static dev.tokenx.gateway.support.TestTokens.aToken;

import dev.tokenx.gateway.support.StubUpstream;
import dev.tokenx.testkit.Infrastructure;
import dev.tokenx.testkit.WithRedis;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * On Kubernetes Spring Boot would apply a client's {@code X-Forwarded-For} as the peer address by itself; the edge
 * turns that off, so with no trusted proxy a client that forges a new address per request is still one address.
 */
@WithRedis
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.main.cloud-platform=kubernetes",
            "gateway.rate-limit.tiers.moderate.ip-limit=5",
            "gateway.rate-limit.timeout=2s"
        })
@AutoConfigureWebTestClient(timeout = "30s")
class ForwardedHeadersOnKubernetesTest {

    private static final StubUpstream ORDERS = StubUpstream.start("order-service");

    @Autowired
    private WebTestClient web;

    @DynamicPropertySource
    static void routeToStubAndCountInRedis(DynamicPropertyRegistry registry) {
        registry.add("gateway.routing.order-service.uri", ORDERS::baseUrl);
        registry.add("gateway.redis.address", () -> Infrastructure.redis().uri());
        registry.add("gateway.rate-limit.key-prefix", () -> "test-" + UUID.randomUUID());
    }

    @AfterAll
    static void stopStub() {
        ORDERS.stop();
    }

    @Test
    void a_client_forging_a_new_forwarded_address_per_request_is_still_limited_by_its_own() {
        for (int i = 0; i < 5; i++) {
            trade(i).expectStatus().isOk();
        }

        trade(5).expectStatus().isEqualTo(429).expectBody().jsonPath("$.code").isEqualTo("RATE_LIMITED");
    }

    /** A fresh user each time, so that only the address limit can refuse. */
    private WebTestClient.ResponseSpec trade(int n) {
        return web.get()
                .uri("/api/trading/orders")
                .headers(headers -> headers.setBearerAuth(
                        aToken().forUser(UUID.randomUUID().toString()).build()))
                .header("X-Forwarded-For", "198.51.100." + (n + 1))
                .exchange();
    }
}
