package dev.tokenx.gateway.ratelimit;

import static dev.tokenx.gateway.support.TestTokens.aToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tokenx.gateway.ratelimit.web.RateLimitMetrics;
import dev.tokenx.gateway.support.StubUpstream;
import dev.tokenx.infra.RedisServer;
import dev.tokenx.testkit.Infrastructure;
import dev.tokenx.testkit.WithRedis;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With Redis stopped, trading (moderate, {@code local-limit}) is neither closed nor unlimited: this instance counts
 * on its own, over the configured share of the tier's limits (here half of 6 per user and of 8 per address).
 */
@WithRedis
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gateway.rate-limit.trusted-proxies=127.0.0.1",
            "gateway.rate-limit.tiers.moderate.limit=6",
            "gateway.rate-limit.tiers.moderate.ip-limit=8",
            "gateway.rate-limit.local-fraction=0.5"
        })
@AutoConfigureWebTestClient(timeout = "30s")
class LocalLimitDuringRedisOutageTest {

    private static final StubUpstream ORDERS = StubUpstream.start("order-service");

    @Autowired
    private WebTestClient web;

    @Autowired
    private MeterRegistry meters;

    private final RedisServer redis = Infrastructure.redis();

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

    @BeforeEach
    void redisGoesDown() {
        redis.stop();
    }

    @AfterEach
    void redisComesBack() {
        if (!redis.isRunning()) {
            redis.restart();
        }
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> trade(UUID.randomUUID().toString(), "100.65.0.1")
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .valueMatches("RateLimit", ".*\"trading-user\";r=5;.*"));
    }

    @Test
    void a_user_gets_the_local_share_of_the_user_limit_and_then_429() {
        String user = UUID.randomUUID().toString();
        double before = count("local_limited");
        for (int i = 0; i < 3; i++) {
            trade(user, "100.65.1." + (i + 1)).expectStatus().isOk();
        }

        trade(user, "100.65.1.9")
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueMatches("RateLimit", "\"trading-user\";r=0;t=\\d+, \"trading-ip\";r=4;t=0")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("RATE_LIMITED");

        assertThat(count("local_limited")).isEqualTo(before + 1);
    }

    @Test
    void an_address_gets_the_local_share_of_the_address_limit_whoever_signs_in() {
        String address = "100.65.2.1";
        for (int i = 0; i < 4; i++) {
            trade(UUID.randomUUID().toString(), address).expectStatus().isOk();
        }

        trade(UUID.randomUUID().toString(), address).expectStatus().isEqualTo(429);
    }

    private WebTestClient.ResponseSpec trade(String user, String address) {
        return web.get()
                .uri("/api/trading/orders")
                .headers(headers -> headers.setBearerAuth(aToken().forUser(user).build()))
                .header("X-Forwarded-For", address)
                .exchange();
    }

    private double count(String outcome) {
        Counter counter = meters.find(RateLimitMetrics.REQUESTS)
                .tag("route", "trading")
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
