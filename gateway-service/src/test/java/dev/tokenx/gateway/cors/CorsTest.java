package dev.tokenx.gateway.cors;

import static dev.tokenx.gateway.support.TestTokens.aToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.gateway.support.GatewayIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** The frontend origins of the local configuration (http://localhost:3000, http://localhost:5173) may call the API. */
class CorsTest extends GatewayIntegrationTest {

    private static final String FRONTEND = "http://localhost:3000";

    @Test
    void answers_a_preflight_from_a_frontend_without_a_token_and_without_calling_the_service() {
        String marker = UUID.randomUUID().toString();

        web.options()
                .uri("/api/trading/place-order?probe=" + marker)
                .header(HttpHeaders.ORIGIN, FRONTEND)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type, idempotency-key")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, FRONTEND)
                .expectHeader()
                .value(
                        HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
                        methods -> assertThat(methods).contains("POST"))
                .expectHeader()
                .value(
                        HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        headers -> assertThat(headers.toLowerCase())
                                .contains("authorization")
                                .contains("idempotency-key"))
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "3600")
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);

        assertThat(UPSTREAM.receivedWith(marker)).isEmpty();
    }

    @Test
    void refuses_a_preflight_from_an_unknown_origin_with_a_problem() {
        web.options()
                .uri("/api/trading/place-order")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("CORS_REJECTED");
    }

    @Test
    void refuses_a_preflight_for_a_header_the_frontends_do_not_send_with_a_problem() {
        web.options()
                .uri("/api/trading/place-order")
                .header(HttpHeaders.ORIGIN, FRONTEND)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "x-forwarded-for")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("CORS_REJECTED");
    }

    @Test
    void refuses_a_request_from_an_unknown_origin_with_a_problem_and_never_routes_it() {
        String marker = UUID.randomUUID().toString();

        web.get()
                .uri("/api/trading/orders?probe=" + marker)
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .headers(headers -> headers.setBearerAuth(aToken().build()))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("CORS_REJECTED");

        assertThat(UPSTREAM.receivedWith(marker)).isEmpty();
    }

    @Test
    void lets_the_frontend_read_the_request_id_and_the_limits() {
        web.method(HttpMethod.GET)
                .uri("/api/trading/orders")
                .header(HttpHeaders.ORIGIN, FRONTEND)
                .headers(headers -> headers.setBearerAuth(aToken().build()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, FRONTEND)
                .expectHeader()
                .value(
                        HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                        exposed -> assertThat(exposed)
                                .contains("X-Request-Id")
                                .contains("RateLimit")
                                .contains("X-RateLimit-Remaining")
                                .contains("Retry-After"));
    }
}
