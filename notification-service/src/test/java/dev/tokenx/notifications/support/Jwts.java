package dev.tokenx.notifications.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Mints HS256 tokens shaped like the gateway's: {@code aToken().forUser(id).build()}. */
public final class Jwts {

    /** The secret the service under test verifies with (not the development default, to prove it is configured). */
    public static final String SECRET = "notification-service-test-secret-0123456789abcdef";

    private String subject = Users.ALICE.toString();
    private String issuer = "tokenx-local";
    private String audience = "tokenx-api";
    private List<String> roles = List.of("USER");
    private Instant issuedAt = Instant.now();
    private Duration lifetime = Duration.ofMinutes(15);
    private String secret = SECRET;

    public static Jwts aToken() {
        return new Jwts();
    }

    public static String bearer(UUID userId) {
        return aToken().forUser(userId).build();
    }

    public Jwts forUser(UUID userId) {
        this.subject = userId.toString();
        return this;
    }

    public Jwts issuedBy(String issuer) {
        this.issuer = issuer;
        return this;
    }

    public Jwts forAudience(String audience) {
        this.audience = audience;
        return this;
    }

    public Jwts withRoles(String... roles) {
        this.roles = List.of(roles);
        return this;
    }

    public Jwts expiredSince(Duration ago) {
        this.issuedAt = Instant.now().minus(ago).minus(lifetime);
        return this;
    }

    public Jwts signedWith(String secret) {
        this.secret = secret;
        return this;
    }

    public String build() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .audience(audience)
                .claim("preferred_username", "test-user")
                .claim("roles", roles)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
