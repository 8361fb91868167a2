package dev.tokenx.security;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How bearer tokens are verified ({@code tokenx.security.jwt.*}): with the issuer's JWK set when one is configured
 * (any shared environment), else with the HS256 secret the local platform's gateway signs with. Either way the issuer
 * and the audience must match. Same rule and variables as the gateway.
 *
 * @param secret HS256 key, at least 32 bytes; from {@code TOKENX_JWT_SECRET}. Unused when {@code jwkSetUri} is set.
 * @param jwkSetUri the issuer's JWK set; from {@code TOKENX_JWT_JWK_SET_URI}
 * @param issuer the {@code iss} every token must carry
 * @param audience a value every token's {@code aud} must contain
 */
@Validated
@ConfigurationProperties("tokenx.security.jwt")
public record JwtProperties(
        String secret,
        String jwkSetUri,
        @NotBlank String issuer,
        @NotBlank String audience) {

    /** The well-known development secret; a service warns when it runs with it. */
    public static final String LOCAL_DEVELOPMENT_SECRET = "local-dev-only-secret-change-me-0123456789abcdef";

    private static final int MIN_HS256_KEY_BYTES = 32;

    boolean usesJwkSet() {
        return jwkSetUri != null && !jwkSetUri.isBlank();
    }

    @AssertTrue(message = "set TOKENX_JWT_JWK_SET_URI (tokenx.security.jwt.jwk-set-uri) or TOKENX_JWT_SECRET")
    boolean isVerifiable() {
        return usesJwkSet() || usesSecret();
    }

    @AssertTrue(message = "an HS256 secret must be at least 32 bytes long")
    boolean isSecretLongEnough() {
        return usesJwkSet() || !usesSecret() || secret.getBytes(StandardCharsets.UTF_8).length >= MIN_HS256_KEY_BYTES;
    }

    private boolean usesSecret() {
        return secret != null && !secret.isBlank();
    }
}
