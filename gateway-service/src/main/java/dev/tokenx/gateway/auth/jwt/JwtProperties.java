package dev.tokenx.gateway.auth.jwt;

import dev.tokenx.security.token.TokenVerificationSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the edge verifies bearer tokens ({@code gateway.auth.jwt.*}), bound from the same variables as the services'
 * and mapped onto the one shape both use, {@link TokenVerificationSettings}, which holds the defaults and refuses
 * settings that would verify nothing (the gateway then stops at start).
 *
 * @param secret shared HS256 secret, at least 32 bytes; ignored when {@code jwkSetUri} is set
 * @param jwkSetUri the external issuer's JWK Set URI, or blank for HMAC verification
 * @param jwkSetAlgorithm the one algorithm accepted with the JWK set (default RS256)
 * @param issuer the only accepted {@code iss}
 * @param audience the audience every accepted token must name in {@code aud}
 * @param clockSkew tolerance on {@code exp} and {@code nbf} (default 30 s)
 * @param cacheMaximumSize verified tokens kept until their expiry (default 10,000)
 */
@ConfigurationProperties("gateway.auth.jwt")
public record JwtProperties(
        String secret,
        String jwkSetUri,
        String jwkSetAlgorithm,
        String issuer,
        String audience,
        Duration clockSkew,
        Integer cacheMaximumSize) {

    public TokenVerificationSettings settings() {
        return new TokenVerificationSettings(
                secret, jwkSetUri, jwkSetAlgorithm, issuer, audience, clockSkew, cacheMaximumSize);
    }
}
