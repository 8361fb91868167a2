package dev.tokenx.gateway.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import dev.tokenx.secrets.PublishedSecrets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** HS256 tokens as the local issuer would sign them, with one thing changed per test. */
public final class TestTokens {

    /** The development secret of application-local.yml, which the tests run with (local mode). */
    public static final String LOCAL_SECRET = PublishedSecrets.JWT_SECRET;

    public static final String ALICE_ID = "a11ce000-0000-4000-8000-000000000001";
    public static final String ADMIN_ID = "ad000000-0000-4000-8000-000000000003";

    private String secret = LOCAL_SECRET;
    private String issuer = "tokenx-local";
    private String audience = "tokenx-api";
    private String subject = ALICE_ID;
    private String username = "alice";
    private Object roles = List.of("USER");
    private Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private Instant expiresAt = issuedAt.plus(Duration.ofMinutes(5));
    private String type;

    private TestTokens() {}

    public static TestTokens aToken() {
        return new TestTokens();
    }

    public TestTokens signedWith(String otherSecret) {
        this.secret = otherSecret;
        return this;
    }

    public TestTokens issuedBy(String otherIssuer) {
        this.issuer = otherIssuer;
        return this;
    }

    public TestTokens forAudience(String otherAudience) {
        this.audience = otherAudience;
        return this;
    }

    /** Another user: the rate limits count per token subject. */
    public TestTokens forUser(String userId) {
        this.subject = userId;
        this.username = "user-" + userId;
        return this;
    }

    public TestTokens withRoles(String... otherRoles) {
        this.roles = List.of(otherRoles);
        return this;
    }

    /** A claim of any shape where the list of role names belongs. */
    public TestTokens withRolesClaim(Object claim) {
        this.roles = claim;
        return this;
    }

    /** The header's {@code typ}. */
    public TestTokens typed(String otherType) {
        this.type = otherType;
        return this;
    }

    public TestTokens withoutExpiry() {
        this.expiresAt = null;
        return this;
    }

    public TestTokens expiredSince(Duration ago) {
        this.expiresAt = Instant.now().minus(ago).truncatedTo(ChronoUnit.SECONDS);
        this.issuedAt = expiresAt.minus(Duration.ofHours(1));
        return this;
    }

    public String build() {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .audience(List.of(audience))
                .subject(subject)
                .claim("preferred_username", username)
                .claim("roles", roles)
                .issuedAt(issuedAt)
                .id(UUID.randomUUID().toString());
        if (expiresAt != null) {
            claims.expiresAt(expiresAt);
        }
        NimbusJwtEncoder encoder = NimbusJwtEncoder.withSecretKey(
                        new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .algorithm(MacAlgorithm.HS256)
                .build();
        JwsHeader.Builder header = JwsHeader.with(MacAlgorithm.HS256);
        if (type != null) {
            header.type(type);
        }
        return encoder.encode(JwtEncoderParameters.from(header.build(), claims.build()))
                .getTokenValue();
    }

    /**
     * A token whose payload is exactly this JSON, correctly signed with the local secret: claim shapes that no issuer
     * of ours writes (a numeric {@code sub}, a string {@code exp}...).
     */
    public static String signedPayload(String json) {
        try {
            JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(json));
            jws.sign(new MACSigner(LOCAL_SECRET.getBytes(StandardCharsets.UTF_8)));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same token with its payload swapped for another, keeping the original signature: a forgery. */
    public static String withForgedPayload(String token, String payloadJson) {
        String[] parts = token.split("\\.");
        String forged =
                Base64.getUrlEncoder().withoutPadding().encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + forged + "." + parts[2];
    }

    public static String payloadOf(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
