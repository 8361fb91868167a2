package dev.tokenx.gateway.auth.jwt;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * How the edge verifies bearer tokens. With {@code jwk-set-uri} set, tokens are verified against that external
 * issuer's keys; otherwise with the shared HMAC {@code secret} (HS256), the way the local issuer signs them.
 *
 * @param secret shared HS256 secret, at least 32 bytes; ignored when {@code jwkSetUri} is set
 * @param jwkSetUri the external issuer's JWK Set URI (RS256 keys), or blank for HMAC verification
 * @param issuer the only accepted {@code iss}
 * @param audience the audience every accepted token must name in {@code aud}
 * @param clockSkew tolerance on {@code exp} and {@code nbf} for clocks that drift apart
 */
@Validated
@ConfigurationProperties("gateway.auth.jwt")
public record JwtProperties(
        String secret,
        String jwkSetUri,
        @NotBlank String issuer,
        @NotBlank String audience,
        @NotNull @DefaultValue("30s") Duration clockSkew) {

    private static final int MIN_HS256_SECRET_BYTES = 32;

    public boolean usesJwkSet() {
        return StringUtils.hasText(jwkSetUri);
    }

    public SecretKey hmacKey() {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    @AssertTrue(message = "set gateway.auth.jwt.jwk-set-uri, or gateway.auth.jwt.secret with at least 32 bytes (HS256)")
    public boolean isVerificationKeyConfigured() {
        return usesJwkSet()
                || (secret != null && secret.getBytes(StandardCharsets.UTF_8).length >= MIN_HS256_SECRET_BYTES);
    }
}
