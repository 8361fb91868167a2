package dev.tokenx.gateway.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenx.gateway.support.GatewayIntegrationTest;
import dev.tokenx.gateway.support.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.web.reactive.server.WebTestClient;

class TokenEndpointTest extends GatewayIntegrationTest {

    private static final String TOKEN_PATH = "/api/auth/token";

    @Nested
    class for_a_demo_user_with_the_right_password {

        @Test
        void answers_a_bearer_token_response_that_is_never_cached() {
            login("alice", "alice-demo")
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .cacheControl(CacheControl.noStore())
                    .expectBody()
                    .jsonPath("$.token_type")
                    .isEqualTo("Bearer")
                    .jsonPath("$.expires_in")
                    .isEqualTo(3600)
                    .jsonPath("$.access_token")
                    .isNotEmpty();
        }

        @Test
        void signs_the_platform_claims_with_the_shared_secret() {
            Jwt jwt = decoderFor(TestTokens.LOCAL_SECRET).decode(accessToken("alice", "alice-demo"));

            assertThat(jwt.getHeaders()).containsEntry("alg", "HS256");
            assertThat(jwt.getSubject()).isEqualTo("a11ce000-0000-4000-8000-000000000001");
            assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("alice");
            assertThat(jwt.getClaimAsStringList("roles")).containsExactly("USER");
            assertThat(jwt.getClaimAsString("iss")).isEqualTo("tokenx-local");
            assertThat(jwt.getAudience()).containsExactly("tokenx-api");
            assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofHours(1));
            assertThat(UUID.fromString(jwt.getId())).isNotNull();
        }

        @Test
        void gives_the_admin_both_of_its_roles() {
            Jwt jwt = decoderFor(TestTokens.LOCAL_SECRET).decode(accessToken("admin", "admin-demo"));

            assertThat(jwt.getSubject()).isEqualTo("ad000000-0000-4000-8000-000000000003");
            assertThat(jwt.getClaimAsStringList("roles")).containsExactly("USER", "ADMIN");
        }

        @Test
        void gives_each_token_its_own_id() {
            JwtDecoder decoder = decoderFor(TestTokens.LOCAL_SECRET);

            String first = decoder.decode(accessToken("bob", "bob-demo")).getId();
            String second = decoder.decode(accessToken("bob", "bob-demo")).getId();

            assertThat(first).isNotEqualTo(second);
        }

        @Test
        void signs_with_no_other_key_than_the_shared_secret() {
            String token = accessToken("alice", "alice-demo");

            assertThatThrownBy(() -> decoderFor("another-secret-of-at-least-thirty-two-bytes!")
                            .decode(token))
                    .isInstanceOf(BadJwtException.class);
        }

        @Test
        void issues_a_token_that_opens_the_trading_routes() {
            String marker = UUID.randomUUID().toString();

            web.get()
                    .uri("/api/trading/orders?probe=" + marker)
                    .headers(headers -> headers.setBearerAuth(accessToken("alice", "alice-demo")))
                    .exchange()
                    .expectStatus()
                    .isOk();

            assertThat(UPSTREAM.receivedWith(marker)).hasSize(1);
        }
    }

    @Nested
    class refuses_with_the_same_401_problem {

        @Test
        void a_wrong_password() {
            expectInvalidCredentials(login("alice", "not-her-password"));
        }

        @Test
        void an_unknown_user() {
            expectInvalidCredentials(login("mallory", "alice-demo"));
        }

        private void expectInvalidCredentials(WebTestClient.ResponseSpec response) {
            response.expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(401)
                    .jsonPath("$.code")
                    .isEqualTo("INVALID_CREDENTIALS")
                    .jsonPath("$.detail")
                    .isEqualTo("Invalid username or password.")
                    .jsonPath("$.instance")
                    .isEqualTo(TOKEN_PATH)
                    .jsonPath("$.access_token")
                    .doesNotExist();
        }
    }

    @Nested
    class refuses_a_malformed_request {

        @Test
        void with_400_when_the_json_is_broken() {
            post(MediaType.APPLICATION_JSON, "{\"username\":\"alice\",")
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("VALIDATION_FAILED");
        }

        @Test
        void with_400_naming_the_missing_field() {
            post(MediaType.APPLICATION_JSON, "{\"username\":\"alice\"}")
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("VALIDATION_FAILED")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("password");
        }

        @Test
        void with_400_when_the_body_is_missing() {
            web.post()
                    .uri(TOKEN_PATH)
                    .contentType(MediaType.APPLICATION_JSON)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("VALIDATION_FAILED");
        }

        @Test
        void with_415_when_it_is_not_json() {
            post(MediaType.APPLICATION_FORM_URLENCODED, "username=alice&password=alice-demo")
                    .expectStatus()
                    .isEqualTo(415)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        }
    }

    private WebTestClient.ResponseSpec login(String username, String password) {
        return web.post()
                .uri(TOKEN_PATH)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange();
    }

    private WebTestClient.ResponseSpec post(MediaType contentType, String body) {
        return web.post()
                .uri(TOKEN_PATH)
                .header(HttpHeaders.CONTENT_TYPE, contentType.toString())
                .bodyValue(body)
                .exchange();
    }

    private String accessToken(String username, String password) {
        Map<?, ?> body = login(username, password)
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(body).isNotNull();
        return (String) body.get("access_token");
    }

    private static JwtDecoder decoderFor(String secret) {
        return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
    }
}
