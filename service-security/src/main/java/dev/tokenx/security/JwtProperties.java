package dev.tokenx.security;

import dev.tokenx.security.token.TokenVerificationSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How bearer tokens are verified ({@code tokenx.security.jwt.*}), bound from the same variables as the gateway's and
 * mapped onto the one shape both use, {@link TokenVerificationSettings}, which also holds the defaults and refuses
 * settings that would verify nothing (the service then stops at start).
 *
 * @param secret HS256 key, at least 32 bytes; from {@code TOKENX_JWT_SECRET}. Unused when {@code jwkSetUri} is set.
 * @param jwkSetUri the issuer's JWK set; from {@code TOKENX_JWT_JWK_SET_URI}
 * @param jwkSetAlgorithm the one algorithm accepted with the JWK set (default RS256)
 * @param issuer the {@code iss} every token must carry
 * @param audience a value every token's {@code aud} must contain
 * @param clockSkew tolerance on {@code exp} and {@code nbf} (default 30 s)
 * @param cacheMaximumSize verified tokens kept until their expiry (default 10,000)
 */
@ConfigurationProperties("tokenx.security.jwt")
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
