package dev.tokenx.gateway.routing;

import static dev.tokenx.gateway.support.TestTokens.aToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.gateway.support.GatewayIntegrationTest;
import dev.tokenx.gateway.support.RawHttp;
import dev.tokenx.gateway.support.RawHttp.RawAnswer;
import dev.tokenx.gateway.support.StubUpstream;
import dev.tokenx.gateway.support.StubUpstream.ReceivedRequest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class RoutingTest extends GatewayIntegrationTest {

    @Test
    void forwards_a_trading_request_with_the_callers_token_and_request_id_and_returns_the_answer() {
        String token = aToken().build();
        String marker = UUID.randomUUID().toString();

        web.get()
                .uri("/api/trading/orders?probe=" + marker)
                .headers(headers -> headers.setBearerAuth(token))
                .header("X-Request-Id", "req-" + marker)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Upstream", "order-service")
                .expectBody()
                .jsonPath("$.method")
                .isEqualTo("GET")
                .jsonPath("$.uri")
                .isEqualTo("/api/trading/orders?probe=" + marker);

        ReceivedRequest received = UPSTREAM.receivedWith(marker).getFirst();
        assertThat(received.headers().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
        assertThat(received.headers().getFirst("X-Request-Id")).isEqualTo("req-" + marker);
    }

    @Test
    void forwards_the_body_and_headers_of_an_order_placement_unchanged() {
        String marker = UUID.randomUUID().toString();
        String order = "{\"tokenSymbol\":\"BLRTECH\",\"side\":\"BUY\",\"quantity\":2}";

        web.post()
                .uri("/api/trading/place-order?probe=" + marker)
                .headers(headers -> headers.setBearerAuth(aToken().build()))
                .header("Idempotency-Key", marker)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(order)
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.body.tokenSymbol")
                .isEqualTo("BLRTECH");

        ReceivedRequest received = UPSTREAM.receivedWith(marker).getFirst();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.body()).isEqualTo(order);
        assertThat(received.headers().getFirst("Idempotency-Key")).isEqualTo(marker);
    }

    @Test
    void answers_404_problem_for_a_path_no_route_serves() {
        web.get()
                .uri("/api/unknown/things")
                .headers(headers -> headers.setBearerAuth(aToken().build()))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("NOT_FOUND")
                .jsonPath("$.instance")
                .isEqualTo("/api/unknown/things");
    }

    @Test
    void answers_504_problem_when_the_service_does_not_answer_in_time() {
        Instant started = Instant.now();

        web.get()
                .uri(StubUpstream.SLOW_PATH)
                .headers(headers -> headers.setBearerAuth(aToken().build()))
                .exchange()
                .expectStatus()
                .isEqualTo(504)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("UPSTREAM_TIMEOUT");

        // The test configures a 500 ms response timeout; the stub would answer only after 5 s.
        assertThat(Duration.between(started, Instant.now())).isLessThan(StubUpstream.SLOW_DELAY);
    }

    /**
     * Two layers refuse these: Spring Security's firewall (400) takes anything with dot segments, encoded slashes,
     * backslashes or semicolons; the upstream path guard (404) the {@code actuator} segment in any other spelling.
     */
    @ParameterizedTest
    @CsvSource({
        "/api/trading/actuator/env, 404",
        "/api/trading/Actuator/health, 404",
        "/api/trading/%61ctuator/env, 404",
        "/api/trading/actuator;jsessionid=1/env, 400",
        "/api/trading/../../actuator/env, 400",
        "/api/trading/%2e%2e/%2e%2e/actuator/env, 400",
        "/api/trading/..%2f..%2factuator%2fenv, 400",
        "/api/trading/%252e%252e/%252e%252e/actuator/env, 400",
        "/api/trading/..%5c..%5cactuator%5cenv, 400"
    })
    void never_lets_a_request_reach_a_services_management_endpoints(String attempt, int refusal) throws IOException {
        String marker = UUID.randomUUID().toString();

        RawAnswer answer = RawHttp.get(port, attempt + "?probe=" + marker, aToken().build());

        assertThat(answer.status()).isEqualTo(refusal);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(UPSTREAM.receivedWith(marker)).isEmpty();
    }
}
