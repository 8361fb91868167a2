package dev.tokenx.security.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenVerificationSettingsTest {

    private static final String SECRET = "x".repeat(32);
    private static final String JWK_SET = "https://issuer.example/jwks";

    private static TokenVerificationSettings settings(String secret, String jwkSetUri, String issuer, String audience) {
        return new TokenVerificationSettings(secret, jwkSetUri, null, issuer, audience, null, null);
    }

    @Test
    void accepts_a_secret_of_at_least_32_bytes_with_the_defaults() {
        TokenVerificationSettings settings = settings(SECRET, null, "tokenx-local", "tokenx-api");

        assertThat(settings.usesJwkSet()).isFalse();
        assertThat(settings.clockSkew()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.cacheMaximumSize()).isEqualTo(10_000);
        assertThat(settings.hmacKey().getAlgorithm()).isEqualTo("HmacSHA256");
    }

    @Test
    void accepts_a_jwk_set_instead_of_a_secret_and_ignores_the_secret_then() {
        TokenVerificationSettings settings = settings("short", JWK_SET, "issuer", "tokenx-api");

        assertThat(settings.usesJwkSet()).isTrue();
        assertThat(settings.jwkSetAlgorithm()).isEqualTo("RS256");
    }

    @Test
    void refuses_a_short_secret() {
        assertThatThrownBy(() -> settings("x".repeat(31), null, "tokenx-local", "tokenx-api"))
                .isInstanceOf(InvalidTokenVerificationSettings.class)
                .hasMessageContaining("an HS256 secret must be at least 32 bytes long");
    }

    @Test
    void refuses_to_verify_with_nothing() {
        assertThatThrownBy(() -> settings(" ", "", "tokenx-local", "tokenx-api"))
                .hasMessageContaining("TOKENX_JWT_SECRET")
                .hasMessageContaining("TOKENX_JWT_JWK_SET_URI")
                .hasMessageContaining("jwk-set-uri");
    }

    @Test
    void needs_an_issuer_and_an_audience() {
        assertThatThrownBy(() -> settings(SECRET, null, "", " "))
                .isInstanceOfSatisfying(
                        InvalidTokenVerificationSettings.class,
                        invalid -> assertThat(invalid.problems())
                                .containsExactly(
                                        "issuer must not be blank (TOKENX_JWT_ISSUER)",
                                        "audience must not be blank (TOKENX_JWT_AUDIENCE)"));
    }

    @Test
    void refuses_a_symmetric_or_unknown_algorithm_for_the_jwk_set() {
        for (String algorithm : new String[] {"HS256", "none", "RS257"}) {
            assertThatThrownBy(
                            () -> new TokenVerificationSettings(null, JWK_SET, algorithm, "issuer", "api", null, null))
                    .hasMessageContaining("asymmetric");
        }
    }

    @Test
    void refuses_a_negative_clock_skew_or_cache_size() {
        assertThatThrownBy(() ->
                        new TokenVerificationSettings(SECRET, null, null, "issuer", "api", Duration.ofSeconds(-1), -1))
                .hasMessageContaining("clock-skew")
                .hasMessageContaining("cache-maximum-size");
    }

    @Test
    void never_prints_the_secret() {
        assertThat(settings(SECRET, null, "tokenx-local", "tokenx-api").toString())
                .doesNotContain(SECRET);
    }
}
