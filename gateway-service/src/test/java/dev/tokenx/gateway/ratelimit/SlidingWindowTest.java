package dev.tokenx.gateway.ratelimit;

import static dev.tokenx.gateway.support.TestTokens.aToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tokenx.gateway.support.StubUpstream;
import dev.tokenx.testkit.Infrastructure;
import dev.tokenx.testkit.WithRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The window slides: quota comes back one request at a time, as each counted request turns older than the window,
 * not all at once at a boundary. A 3-second window instead of a minute, so that the test need not wait.
 */
@WithRedis
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gateway.rate-limit.tiers.moderate.limit=3",
            "gateway.rate-limit.tiers.moderate.ip-limit=3",
            "gateway.rate-limit.tiers.moderate.window=3s",
            // A cold JVM on a loaded CI machine can exceed the production 300 ms bound on its first script calls.
            "gateway.rate-limit.timeout=2s"
        })
@AutoConfigureWebTestClient(timeout = "30s")
class SlidingWindowTest {

    private static final Duration WINDOW = Duration.ofSeconds(3);
    private static final StubUpstream ORDERS = StubUpstream.start("order-service");

    @Autowired
    private WebTestClient web;

    private final String token = aToken().forUser(UUID.randomUUID().toString()).build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("gateway.routing.order-service.uri", ORDERS::baseUrl);
        registry.add("gateway.redis.address", () -> Infrastructure.redis().uri());
        registry.add("gateway.rate-limit.key-prefix", () -> "test-" + UUID.randomUUID());
    }

    @AfterAll
    static void stopUpstream() {
        ORDERS.stop();
    }

    @Test
    void gives_back_each_request_when_it_turns_older_than_the_window() {
        Instant firstTwo = Instant.now();
        admitted();
        admitted();
        await().until(() -> Instant.now().isAfter(firstTwo.plus(WINDOW.dividedBy(2))));
        Instant third = Instant.now();
        admitted();
        refused();

        // The first two leave the window at firstTwo + 3 s, and each gives its place back: ...
        awaitAdmitted(WINDOW.multipliedBy(2));
        assertThat(Instant.now()).isAfterOrEqualTo(firstTwo.plus(WINDOW).minusMillis(50));
        awaitAdmitted(Duration.ofSeconds(1));
        // ... while the third still counts until third + 3 s, so the next is refused until then: no reset at once.
        HttpHeaders refusal = refused();
        assertThat(Instant.now()).isBefore(third.plus(WINDOW));
        long retryAfter = Long.parseLong(refusal.getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 2L);
    }

    /** Refused requests are not counted, so polling does not delay the moment a place comes back. */
    private void awaitAdmitted(Duration atMost) {
        await().atMost(atMost)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> trade().returnResult(String.class).getStatus().value() == 200);
    }

    private void admitted() {
        trade().expectStatus().isOk();
    }

    private HttpHeaders refused() {
        return trade().expectStatus().isEqualTo(429).returnResult(String.class).getResponseHeaders();
    }

    private WebTestClient.ResponseSpec trade() {
        return web.get()
                .uri("/api/trading/orders")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange();
    }
}
