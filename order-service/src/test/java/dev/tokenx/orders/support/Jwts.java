package dev.tokenx.orders.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
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

    private String subject = Investors.ALICE.toString();
    private String issuer = "tokenx-local";
    private String audience = "tokenx-api";
    private List<String> roles = List.of("USER");
    private Instant issuedAt = Instant.now();
    private Duration lifetime = Duration.ofMinutes(15);
    private String secret = TestInfrastructure.JWT_SECRET;
    private RSAKey rsaKey;

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

    public Jwts withSubject(String subject) {
        this.subject = subject;
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

    /** RS256 with the key's id in the header, as an identity provider publishing a JWK set signs. */
    public Jwts signedWith(RSAKey rsaKey) {
        this.rsaKey = rsaKey;
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
        try {
            if (rsaKey != null) {
                SignedJWT jwt = new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(rsaKey.getKeyID())
                                .build(),
                        claims);
                jwt.sign(new RSASSASigner(rsaKey));
                return jwt.serialize();
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
