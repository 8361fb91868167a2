package dev.tokenx.gateway.ratelimit;

import static dev.tokenx.gateway.support.TestTokens.aToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tokenx.gateway.ratelimit.web.RateLimitMetrics;
import dev.tokenx.gateway.support.RateLimitedGatewayTest;
import dev.tokenx.infra.RedisServer;
import dev.tokenx.testkit.Infrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Without Redis, strict routes close (503) and lenient ones stay open; each such answer is counted. */
class RedisOutageTest extends RateLimitedGatewayTest {

    @Autowired
    private MeterRegistry meters;

    private final RedisServer redis = Infrastructure.redis();

    @BeforeEach
    void redisGoesDown() {
        redis.stop();
    }

    /** Other test classes share this context: leave it counting again, not reconnecting, when this class is done. */
    @AfterEach
    void redisComesBack() {
        if (!redis.isRunning()) {
            redis.restart();
        }
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> payment(UUID.randomUUID().toString())
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .exists("RateLimit"));
    }

    @Test
    void a_strict_route_fails_closed() {
        String marker = UUID.randomUUID().toString();
        double before = count("payments", "fail_closed");

        payment(marker)
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectHeader()
                .valueEquals("RateLimit-Policy", "\"payments-user\";q=10;w=60, \"payments-ip\";q=10;w=60")
                .expectHeader()
                .doesNotExist("RateLimit")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("SERVICE_UNAVAILABLE");

        assertThat(ORDERS.receivedWith(marker)).isEmpty();
        assertThat(count("payments", "fail_closed")).isEqualTo(before + 1);
    }

    @Test
    void a_lenient_route_fails_open() {
        String marker = UUID.randomUUID().toString();
        double before = count("market-data", "fail_open");

        web.get()
                .uri("/api/market/prices?probe=" + marker)
                .header("X-Forwarded-For", aClientAddress())
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("RateLimit-Policy", "\"market-data-ip\";q=100;w=60")
                .expectHeader()
                .doesNotExist("RateLimit");

        assertThat(CACHE.receivedWith(marker)).hasSize(1);
        assertThat(count("market-data", "fail_open")).isEqualTo(before + 1);
    }

    @Test
    void counts_again_once_redis_is_back() {
        payment(UUID.randomUUID().toString()).expectStatus().isEqualTo(503);

        redis.restart();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> payment(UUID.randomUUID().toString())
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .exists("RateLimit"));
    }

    private WebTestClient.ResponseSpec payment(String marker) {
        return web.post()
                .uri("/api/payments/deposits?probe=" + marker)
                .headers(headers ->
                        headers.setBearerAuth(aToken().forUser(aUserId()).build()))
                .header("X-Forwarded-For", aClientAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"amount\":\"100.00\"}")
                .exchange();
    }

    private double count(String route, String outcome) {
        Counter counter = meters.find(RateLimitMetrics.REQUESTS)
                .tag("route", route)
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
