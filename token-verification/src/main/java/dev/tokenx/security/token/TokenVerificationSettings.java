package dev.tokenx.security.token;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/**
 * How bearer tokens are verified, the same for the gateway and every service (each binds its own properties, {@code
 * gateway.auth.jwt.*} and {@code tokenx.security.jwt.*}, onto this shape from the same variables). With {@code
 * jwkSetUri} set (any shared environment), tokens are verified with the issuer's keys and the one asymmetric {@code
 * jwkSetAlgorithm}; otherwise with the HS256 {@code secret} the local platform's gateway signs with. The compact
 * constructor refuses settings that would verify nothing, so a misconfigured process stops at start.
 *
 * @param secret HS256 key, at least 32 bytes ({@code TOKENX_JWT_SECRET}); unused when {@code jwkSetUri} is set
 * @param jwkSetUri the issuer's JWK set ({@code TOKENX_JWT_JWK_SET_URI})
 * @param jwkSetAlgorithm the only algorithm accepted with the JWK set, e.g. {@code RS256} (the default) or {@code
 *     ES256} ({@code TOKENX_JWT_JWK_SET_ALGORITHM})
 * @param issuer the only accepted {@code iss} ({@code TOKENX_JWT_ISSUER})
 * @param audience a value every token's {@code aud} must contain ({@code TOKENX_JWT_AUDIENCE})
 * @param clockSkew tolerance on {@code exp} and {@code nbf} for clocks that drift apart; 30 s when not set
 * @param cacheMaximumSize how many verified tokens are kept until their expiry; 10,000 when not set, 0 keeps none
 */
public record TokenVerificationSettings(
        String secret,
        String jwkSetUri,
        String jwkSetAlgorithm,
        String issuer,
        String audience,
        Duration clockSkew,
        Integer cacheMaximumSize) {

    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
    public static final int DEFAULT_CACHE_MAXIMUM_SIZE = 10_000;
    public static final String DEFAULT_JWK_SET_ALGORITHM = SignatureAlgorithm.RS256.getName();

    private static final int MIN_HS256_KEY_BYTES = 32;

    public TokenVerificationSettings {
        jwkSetAlgorithm = isBlank(jwkSetAlgorithm) ? DEFAULT_JWK_SET_ALGORITHM : jwkSetAlgorithm.strip();
        clockSkew = clockSkew == null ? DEFAULT_CLOCK_SKEW : clockSkew;
        cacheMaximumSize = cacheMaximumSize == null ? DEFAULT_CACHE_MAXIMUM_SIZE : cacheMaximumSize;
        List<String> problems =
                problems(secret, jwkSetUri, jwkSetAlgorithm, issuer, audience, clockSkew, cacheMaximumSize);
        if (!problems.isEmpty()) {
            throw new InvalidTokenVerificationSettings(problems);
        }
    }

    public boolean usesJwkSet() {
        return !isBlank(jwkSetUri);
    }

    /** The HS256 key; only when no JWK set is configured. */
    public SecretKey hmacKey() {
        if (usesJwkSet()) {
            throw new IllegalStateException("tokens are verified with the JWK set " + jwkSetUri + ", not a secret");
        }
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    SignatureAlgorithm jwkSetSignatureAlgorithm() {
        return SignatureAlgorithm.from(jwkSetAlgorithm);
    }

    @Override
    public String toString() {
        // Never print the secret, not even in a startup failure.
        return "TokenVerificationSettings["
                + (usesJwkSet() ? "jwkSetUri=" + jwkSetUri + ", " + jwkSetAlgorithm : "HS256")
                + ", issuer=" + issuer + ", audience=" + audience + ", clockSkew=" + clockSkew + ", cacheMaximumSize="
                + cacheMaximumSize + "]";
    }

    private static List<String> problems(
            String secret,
            String jwkSetUri,
            String jwkSetAlgorithm,
            String issuer,
            String audience,
            Duration clockSkew,
            int cacheMaximumSize) {
        List<String> problems = new ArrayList<>();
        if (isBlank(jwkSetUri)) {
            if (isBlank(secret)) {
                problems.add("set TOKENX_JWT_JWK_SET_URI (jwk-set-uri) or TOKENX_JWT_SECRET (secret)");
            } else if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_HS256_KEY_BYTES) {
                problems.add("an HS256 secret must be at least 32 bytes long");
            }
        } else if (!isAsymmetric(jwkSetAlgorithm)) {
            problems.add("jwk-set-algorithm must be an asymmetric JWS algorithm (RS256, ES256, PS256, ...), not "
                    + jwkSetAlgorithm);
        }
        if (isBlank(issuer)) {
            problems.add("issuer must not be blank (TOKENX_JWT_ISSUER)");
        }
        if (isBlank(audience)) {
            problems.add("audience must not be blank (TOKENX_JWT_AUDIENCE)");
        }
        if (clockSkew.isNegative()) {
            problems.add("clock-skew must not be negative");
        }
        if (cacheMaximumSize < 0) {
            problems.add("cache-maximum-size must not be negative");
        }
        return problems;
    }

    private static boolean isAsymmetric(String algorithm) {
        return SignatureAlgorithm.from(algorithm) != null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
