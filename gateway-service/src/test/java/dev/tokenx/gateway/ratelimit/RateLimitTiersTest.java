package dev.tokenx.gateway.ratelimit;

import static dev.tokenx.gateway.support.TestTokens.aToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.gateway.support.RateLimitedGatewayTest;
import dev.tokenx.gateway.support.StubUpstream;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Each tier admits exactly its per-minute limit, then refuses with 429 and says when to come back. */
class RateLimitTiersTest extends RateLimitedGatewayTest {

    @ParameterizedTest(name = "{2}: {0} {1} admits {3} per minute")
    @CsvSource({
        "POST, /api/payments/deposits, payments, 10",
        "POST, /api/trading/place-order, trading, 30",
        "GET, /api/market/prices, market-data, 100"
    })
    void admits_exactly_the_limit_and_refuses_the_next(String method, String path, String route, int limit) {
        String user = aUserId();
        String address = aClientAddress();
        String marker = UUID.randomUUID().toString();
        StubUpstream service = route.equals("market-data") ? CACHE : ORDERS;

        for (int i = 1; i <= limit; i++) {
            HttpHeaders headers = send(method, path + "?probe=" + marker, user, address)
                    .expectStatus()
                    .is2xxSuccessful()
                    .returnResult(String.class)
                    .getResponseHeaders();
            assertThat(headers.getFirst("X-RateLimit-Limit")).isEqualTo(Integer.toString(limit));
            assertThat(headers.getFirst("X-RateLimit-Remaining")).isEqualTo(Integer.toString(limit - i));
            assertThat(headers.getFirst("RateLimit-Policy"))
                    .isEqualTo("\"%s-user\";q=%d;w=60, \"%s-ip\";q=%d;w=60".formatted(route, limit, route, limit));
            assertThat(headers.getFirst("RateLimit"))
                    .startsWith("\"%s-user\";r=%d;t=".formatted(route, limit - i))
                    .contains("\"%s-ip\";r=%d;t=".formatted(route, limit - i));
        }

        EntityExchangeResult<String> refused = send(method, path + "?probe=" + marker, user, address)
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class)
                .returnResult();

        HttpHeaders headers = refused.getResponseHeaders();
        long retryAfter = Long.parseLong(headers.getFirst(HttpHeaders.RETRY_AFTER));
        // The oldest of the admitted requests leaves the window 60 s after it was made, a few seconds ago at most.
        assertThat(retryAfter).isBetween(50L, 60L);
        assertThat(headers.getFirst("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(headers.getFirst("X-RateLimit-Reset")))
                .isBetween(
                        Instant.now().getEpochSecond() + retryAfter - 2,
                        Instant.now().getEpochSecond() + retryAfter + 2);
        assertThat(headers.getFirst("RateLimit")).contains("\"%s-user\";r=0;t=%d".formatted(route, retryAfter));
        assertThat(refused.getResponseBody())
                .contains("\"code\":\"RATE_LIMITED\"")
                .contains("\"status\":429")
                .contains("\"retryAfterSeconds\":" + retryAfter);
        assertThat(service.receivedWith(marker)).hasSize(limit);
    }

    @Test
    void counts_logins_strictly_per_address_whatever_their_outcome() {
        String address = aClientAddress();

        for (int i = 1; i <= 10; i++) {
            web.post()
                    .uri("/api/auth/token")
                    .header("X-Forwarded-For", address)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"username\":\"alice\",\"password\":\"guess-" + i + "\"}")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .valueEquals("RateLimit-Policy", "\"auth-ip\";q=10;w=60")
                    .expectHeader()
                    .valueEquals("X-RateLimit-Remaining", Integer.toString(10 - i));
        }

        web.post()
                .uri("/api/auth/token")
                .header("X-Forwarded-For", address)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"alice\",\"password\":\"alice-demo\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("RATE_LIMITED");
    }

    @Test
    void carries_the_limit_fields_on_answers_the_service_wrote() {
        web.get()
                .uri("/api/trading/orders")
                .headers(headers ->
                        headers.setBearerAuth(aToken().forUser(aUserId()).build()))
                .header("X-Forwarded-For", aClientAddress())
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Upstream", "order-service")
                .expectHeader()
                .exists("RateLimit")
                .expectHeader()
                .exists("RateLimit-Policy")
                .expectHeader()
                .valueEquals("X-RateLimit-Remaining", "29")
                .expectHeader()
                .exists("X-RateLimit-Reset");
    }

    private WebTestClient.ResponseSpec send(String method, String uri, String user, String address) {
        return web.method(HttpMethod.valueOf(method))
                .uri(uri)
                .headers(headers -> headers.setBearerAuth(aToken().forUser(user).build()))
                .header("X-Forwarded-For", address)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange();
    }
}
