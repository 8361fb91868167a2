package dev.tokenx.gateway.resilience;

import static dev.tokenx.gateway.support.TestTokens.aToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tokenx.gateway.support.FlakyUpstream;
import dev.tokenx.gateway.support.StubUpstream;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * One dead, one slow, one flaky and one healthy service behind the edge: the dead one's breaker opens and answers
 * the fallback, the slow one cannot take more than its bulkhead, the flaky one's GETs are retried, and the healthy
 * one is served throughout. The limiter is off: these tests are about the services.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gateway.rate-limit.enabled=false",
            "gateway.resilience.circuit-breaker.sliding-window-size=4",
            "gateway.resilience.circuit-breaker.minimum-number-of-calls=4",
            "gateway.resilience.circuit-breaker.wait-duration-in-open-state=30s",
            "gateway.resilience.bulkhead.max-concurrent-calls.blockchain-service=2",
            "gateway.routing.blockchain-service.response-timeout=3s"
        })
@AutoConfigureWebTestClient(timeout = "30s")
class ResilienceTest {

    private static final int DEAD_PORT = closedPort();
    private static final StubUpstream SLOW_CHAIN = StubUpstream.start("blockchain-service");
    private static final StubUpstream CACHE = StubUpstream.start("cache-service");
    private static final FlakyUpstream FLAKY_NOTIFICATIONS = FlakyUpstream.start();

    @Autowired
    private WebTestClient web;

    @LocalServerPort
    private int port;

    @Autowired
    private ReactiveResilience4JCircuitBreakerFactory breakers;

    @Autowired
    private ReactiveResilience4jBulkheadProvider bulkheads;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("gateway.routing.order-service.uri", () -> "http://127.0.0.1:" + DEAD_PORT);
        registry.add("gateway.routing.blockchain-service.uri", SLOW_CHAIN::baseUrl);
        registry.add("gateway.routing.cache-service.uri", CACHE::baseUrl);
        registry.add("gateway.routing.notification-service.uri", FLAKY_NOTIFICATIONS::baseUrl);
    }

    @AfterAll
    static void stopServers() {
        SLOW_CHAIN.stop();
        CACHE.stop();
        FLAKY_NOTIFICATIONS.close();
    }

    @Test
    void a_dead_service_opens_its_breaker_and_gets_the_fallback_while_the_others_are_served() {
        for (int i = 0; i < 4; i++) {
            get("/api/trading/orders")
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("SERVICE_UNAVAILABLE");
        }
        assertThat(breaker("order-service").getState()).isEqualTo(CircuitBreaker.State.OPEN);

        Instant started = Instant.now();
        get("/api/trading/orders")
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "30")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("SERVICE_UNAVAILABLE")
                .jsonPath("$.service")
                .isEqualTo("order-service")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("stopped calling it"));
        // An open breaker answers at once: no connection attempt, no retry backoff.
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofMillis(500));

        get("/api/portfolio").expectStatus().isOk().expectHeader().valueEquals("X-Upstream", "cache-service");
        assertThat(breaker("cache-service").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void the_edges_own_refusals_never_count_against_a_service() {
        for (int i = 0; i < 6; i++) {
            get("/api/portfolio/actuator/env").expectStatus().isNotFound();
        }

        assertThat(breaker("cache-service").getMetrics().getNumberOfFailedCalls())
                .isZero();
        assertThat(breaker("cache-service").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void a_slow_service_cannot_hold_more_than_its_bulkhead() {
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        String token = aToken().build();
        Disposable slowCalls = Flux.range(0, 2)
                .flatMap(i -> client.get()
                        .uri("/api/chain/slow")
                        .headers(headers -> headers.setBearerAuth(token))
                        .exchangeToMono(response -> response.releaseBody()))
                .subscribe();
        try {
            // find, not bulkhead(name): looking it up must not create it with the registry's defaults first.
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> bulkheads
                            .getBulkheadRegistry()
                            .find("blockchain-service")
                            .map(Bulkhead::getMetrics)
                            .filter(metrics -> metrics.getMaxAllowedConcurrentCalls() == 2)
                            .filter(metrics -> metrics.getAvailableConcurrentCalls() == 0)
                            .isPresent());

            get("/api/chain/tokens")
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .valueEquals(HttpHeaders.RETRY_AFTER, "1")
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("SERVICE_UNAVAILABLE")
                    .jsonPath("$.detail")
                    .value(detail -> assertThat((String) detail).contains("busy"));
            // Every other service is served meanwhile.
            get("/api/portfolio").expectStatus().isOk();
            assertThat(breaker("blockchain-service").getMetrics().getNumberOfFailedCalls())
                    .isZero();
        } finally {
            slowCalls.dispose();
        }
    }

    @Test
    void retries_a_get_after_a_broken_connection() {
        String marker = UUID.randomUUID().toString();

        get("/api/realtime/auth?probe=" + marker).expectStatus().isOk();

        assertThat(FLAKY_NOTIFICATIONS.attemptsWith(marker)).hasSize(2);
    }

    @Test
    void never_retries_a_post() {
        String marker = UUID.randomUUID().toString();

        web.post()
                .uri("/api/realtime/auth?probe=" + marker)
                .headers(headers -> headers.setBearerAuth(aToken().build()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("socket_id=1.2&channel_name=private-user-x")
                .exchange()
                .expectStatus()
                .isEqualTo(502)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("SERVICE_UNAVAILABLE");

        assertThat(FLAKY_NOTIFICATIONS.attemptsWith(marker)).hasSize(1);
    }

    private WebTestClient.ResponseSpec get(String uri) {
        return web.get()
                .uri(uri)
                .headers(headers -> headers.setBearerAuth(aToken().build()))
                .exchange();
    }

    /** Only once the gateway made it: a lookup that created it would give it the registry's defaults. */
    private CircuitBreaker breaker(String service) {
        return breakers.getCircuitBreakerRegistry().find(service).orElseThrow();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
