package dev.tokenx.gateway.routing;

import static dev.tokenx.gateway.support.TestTokens.aToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.gateway.support.GatewayIntegrationTest;
import dev.tokenx.gateway.support.StubUpstream;
import dev.tokenx.gateway.support.StubUpstream.ReceivedRequest;
import dev.tokenx.gateway.support.TestTokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

/** Every API of ARCHITECTURE.md reaches the service that owns it, path and query unchanged. */
class ServiceRoutesTest extends GatewayIntegrationTest {

    private static final Map<String, StubUpstream> SERVICES = Map.of(
            "order-service", UPSTREAM,
            "cache-service", CACHE,
            "notification-service", NOTIFICATIONS,
            "blockchain-service", CHAIN);

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "GET, /api/trading/orders, order-service",
        "GET, /api/accounts/me, order-service",
        "POST, /api/payments/deposits, order-service",
        "GET, /api/portfolio, cache-service",
        "GET, /api/portfolio/holdings, cache-service",
        "GET, /api/market/prices, cache-service",
        "GET, /api/chain, blockchain-service",
        "GET, /api/chain/tokens/BLRTECH, blockchain-service"
    })
    void routes_each_api_to_the_service_that_owns_it(String method, String path, String service) {
        String marker = UUID.randomUUID().toString();

        web.method(HttpMethod.valueOf(method))
                .uri(path + "?probe=" + marker)
                .headers(headers -> headers.setBearerAuth(aToken().build()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Upstream", service);

        assertThat(SERVICES.get(service).receivedWith(marker)).singleElement().satisfies(received -> {
            assertThat(received.method()).isEqualTo(method);
            assertThat(received.uri()).isEqualTo(path + "?probe=" + marker);
        });
    }

    @Test
    void forwards_a_pusher_channel_authorization_with_its_form_fields_and_the_users_token() {
        String marker = UUID.randomUUID().toString();
        String token = aToken().build();

        web.post()
                .uri("/api/realtime/auth?probe=" + marker)
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("socket_id", "123.456")
                        .with("channel_name", "private-user-" + TestTokens.ALICE_ID))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Upstream", "notification-service");

        ReceivedRequest received = NOTIFICATIONS.receivedWith(marker).getFirst();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.headers().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
        assertThat(received.headers().getFirst(HttpHeaders.CONTENT_TYPE))
                .startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
        assertThat(received.body()).isEqualTo("socket_id=123.456&channel_name=private-user-" + TestTokens.ALICE_ID);
    }

    @Test
    void serves_public_market_data_without_a_token() {
        String marker = UUID.randomUUID().toString();

        web.get()
                .uri("/api/market/prices?probe=" + marker)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Upstream", "cache-service");

        assertThat(CACHE.receivedWith(marker)).hasSize(1);
    }

    @Test
    void still_refuses_a_bad_token_on_public_market_data() {
        String marker = UUID.randomUUID().toString();

        web.get()
                .uri("/api/market/prices?probe=" + marker)
                .headers(headers -> headers.setBearerAuth("not-a-jwt"))
                .exchange()
                .expectStatus()
                .isUnauthorized();

        assertThat(CACHE.receivedWith(marker)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "/api/chain, blockchain-service",
        "/api/realtime/auth, notification-service",
        "/api/portfolio, cache-service"
    })
    void requires_a_token_on_every_other_route(String path, String service) {
        String marker = UUID.randomUUID().toString();

        web.get()
                .uri(path + "?probe=" + marker)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(SERVICES.get(service).receivedWith(marker)).isEmpty();
    }

    @Test
    void offers_the_realtime_path_to_websocket_upgrades_only() {
        web.get()
                .uri("/app/tokenx-local-key")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void never_exposes_its_internal_fallback() {
        web.get()
                .uri("/fallback/order-service")
                .headers(headers -> headers.setBearerAuth(aToken().build()))
                .exchange()
                .expectStatus()
                .isForbidden();
    }
}
