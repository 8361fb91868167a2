package dev.tokenx.gateway.auth;

import static dev.tokenx.gateway.support.TestTokens.ALICE_ID;
import static dev.tokenx.gateway.support.TestTokens.aToken;
import static dev.tokenx.gateway.support.TestTokens.signedPayload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.gateway.support.GatewayIntegrationTest;
import dev.tokenx.gateway.support.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class EdgeAuthenticationTest extends GatewayIntegrationTest {

    @Test
    void lets_a_valid_token_through_to_the_service() {
        String marker = UUID.randomUUID().toString();

        get("/api/trading/orders?probe=" + marker, aToken().build())
                .expectStatus()
                .isOk();

        assertThat(UPSTREAM.receivedWith(marker)).hasSize(1);
    }

    @Test
    void answers_with_the_security_headers_browsers_need() {
        get("/api/trading/orders?probe=" + UUID.randomUUID(), aToken().build())
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader()
                .valueEquals("X-Frame-Options", "DENY")
                .expectHeader()
                .value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"));
    }

    @Nested
    class answers_401_and_never_calls_the_service {

        @Test
        void without_a_token() {
            String marker = UUID.randomUUID().toString();

            web.get()
                    .uri("/api/trading/orders?probe=" + marker)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("UNAUTHORIZED")
                    .jsonPath("$.status")
                    .isEqualTo(401);

            assertThat(UPSTREAM.receivedWith(marker)).isEmpty();
        }

        @Test
        void with_a_forged_payload() {
            String forged = TestTokens.withForgedPayload(
                    aToken().build(), TestTokens.payloadOf(aToken().build()).replace("\"USER\"", "\"ADMIN\""));

            expectRefused(forged);
        }

        @Test
        void with_a_token_signed_by_another_key() {
            expectRefused(aToken().signedWith("some-other-secret-that-is-long-enough-too")
                    .build());
        }

        @Test
        void with_an_expired_token() {
            expectRefused(aToken().expiredSince(Duration.ofMinutes(5)).build());
        }

        @Test
        void with_a_token_without_an_expiry() {
            expectRefused(aToken().withoutExpiry().build());
        }

        @Test
        void with_a_subject_that_is_not_a_user_id() {
            expectRefused(aToken().forUser("alice").build());
        }

        @Test
        void with_roles_that_are_not_a_list_of_names() {
            expectRefused(aToken().withRolesClaim("USER").build());
            expectRefused(aToken().withRolesClaim(List.of(List.of("USER"))).build());
        }

        @Test
        void with_claims_of_odd_shapes() {
            String exp = Long.toString(Instant.now().plusSeconds(300).getEpochSecond());
            String valid = "\"iss\":\"tokenx-local\",\"aud\":\"tokenx-api\",\"exp\":" + exp;
            expectRefused(signedPayload("{" + valid + ",\"sub\":42}"));
            expectRefused(signedPayload("{" + valid + ",\"sub\":\"" + ALICE_ID + "\",\"roles\":[[\"ADMIN\"]]}"));
            expectRefused(signedPayload("{" + valid + ",\"sub\":\"" + ALICE_ID + "\",\"roles\":{\"ADMIN\":1}}"));
            expectRefused(signedPayload("{\"iss\":\"tokenx-local\",\"aud\":\"tokenx-api\",\"sub\":\"" + ALICE_ID
                    + "\",\"exp\":\"later\"}"));
        }

        @Test
        void with_a_token_of_another_type() {
            expectRefused(aToken().typed("id_token+jwt").build());
        }

        @Test
        void with_a_token_from_another_issuer() {
            expectRefused(aToken().issuedBy("https://evil.example").build());
        }

        @Test
        void with_a_token_for_another_audience() {
            expectRefused(aToken().forAudience("another-api").build());
        }

        @Test
        void with_something_that_is_not_a_jwt() {
            expectRefused("not-a-jwt");
        }

        private void expectRefused(String token) {
            String marker = UUID.randomUUID().toString();

            get("/api/trading/orders?probe=" + marker, token)
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("UNAUTHORIZED");

            assertThat(UPSTREAM.receivedWith(marker)).isEmpty();
        }
    }

    @Nested
    class answers_403_to_a_valid_token {

        @Test
        void for_a_path_the_edge_does_not_open() {
            get("/internal/reports", aToken().build())
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("FORBIDDEN")
                    .jsonPath("$.instance")
                    .isEqualTo("/internal/reports");
        }

        @Test
        void for_management_endpoints_other_than_health() {
            get("/actuator/env", aToken().build())
                    .expectStatus()
                    .isForbidden()
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("FORBIDDEN");
        }
    }

    private WebTestClient.ResponseSpec get(String uri, String token) {
        return web.get()
                .uri(uri)
                .headers(headers -> headers.setBearerAuth(token))
                .exchange();
    }
}
