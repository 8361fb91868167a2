package dev.tokenx.security.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Tokens as the platform's issuers sign them, with one thing changed per test. */
final class Tokens {

    static final String SECRET = "a-test-secret-of-at-least-thirty-two-bytes-0123";
    static final String ISSUER = "tokenx-local";
    static final String AUDIENCE = "tokenx-api";
    static final String ALICE = "a11ce000-0000-4000-8000-000000000001";

    private final Instant now;
    private JWSAlgorithm algorithm = JWSAlgorithm.HS256;
    private byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);
    private RSAKey rsaKey;
    private String issuer = ISSUER;
    private String audience = AUDIENCE;
    private String subject = ALICE;
    private Object roles = List.of("USER");
    private Instant expiresAt;
    private Instant notBefore;
    private String type;

    private Tokens(Instant now) {
        this.now = now;
        this.expiresAt = now.plus(Duration.ofMinutes(5));
    }

    static Tokens aToken(Instant now) {
        return new Tokens(now);
    }

    Tokens signedWith(String otherSecret) {
        this.secret = otherSecret.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    Tokens signedWith(JWSAlgorithm otherAlgorithm) {
        this.algorithm = otherAlgorithm;
        return this;
    }

    Tokens signedWith(RSAKey key, JWSAlgorithm rsaAlgorithm) {
        this.rsaKey = key;
        this.algorithm = rsaAlgorithm;
        return this;
    }

    Tokens issuedBy(String otherIssuer) {
        this.issuer = otherIssuer;
        return this;
    }

    Tokens forAudience(String otherAudience) {
        this.audience = otherAudience;
        return this;
    }

    Tokens withSubject(String otherSubject) {
        this.subject = otherSubject;
        return this;
    }

    Tokens withRoles(Object otherRoles) {
        this.roles = otherRoles;
        return this;
    }

    Tokens expiringIn(Duration lifetime) {
        this.expiresAt = now.plus(lifetime);
        return this;
    }

    Tokens withoutExpiry() {
        this.expiresAt = null;
        return this;
    }

    Tokens notBefore(Instant instant) {
        this.notBefore = instant;
        return this;
    }

    /** The header's {@code typ}. */
    Tokens typed(String otherType) {
        this.type = otherType;
        return this;
    }

    String build() {
        try {
            return signed(claims());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same claims, unsigned: {@code alg: none}. */
    String unsigned() {
        return new PlainJWT(claims()).serialize();
    }

    private String signed(JWTClaimsSet claims) throws JOSEException {
        if (rsaKey == null && !JWSAlgorithm.HS256.equals(algorithm)) {
            return signedByHand(claims);
        }
        JWSSigner signer = rsaKey == null ? new MACSigner(secret) : new RSASSASigner(rsaKey);
        JWSHeader.Builder header = new JWSHeader.Builder(algorithm);
        if (type != null) {
            header.type(new JOSEObjectType(type));
        }
        if (rsaKey != null) {
            header.keyID(rsaKey.getKeyID());
        }
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    /**
     * HS384 or HS512 with the HS256 secret itself, which Nimbus refuses to do (too short a key for them): a token
     * whose only fault is its algorithm.
     */
    private String signedByHand(JWTClaimsSet claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput =
                base64.encodeToString(new JWSHeader(algorithm).toString().getBytes(StandardCharsets.UTF_8)) + "."
                        + base64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        String macAlgorithm = "HmacSHA" + algorithm.getName().substring(2);
        try {
            Mac mac = Mac.getInstance(macAlgorithm);
            mac.init(new SecretKeySpec(secret, macAlgorithm));
            return signingInput + "."
                    + base64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private JWTClaimsSet claims() {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(subject)
                .issueTime(Date.from(now))
                .jwtID(UUID.randomUUID().toString());
        if (roles != null) {
            claims.claim("roles", roles);
        }
        if (expiresAt != null) {
            claims.expirationTime(Date.from(expiresAt));
        }
        if (notBefore != null) {
            claims.notBeforeTime(Date.from(notBefore));
        }
        return claims.build();
    }

    /**
     * A token whose payload is exactly this JSON, signed with the shared secret: claim shapes that no issuer of ours
     * writes (a numeric {@code sub}, a string {@code exp}...).
     */
    static String withPayload(String json) {
        try {
            JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(json));
            jws.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token with one character of the given part (0 header, 1 payload, 2 signature) replaced. */
    static String tampered(String token, int part) {
        String[] parts = token.split("\\.");
        String target = parts[part];
        int at = target.length() / 2;
        char replacement = target.charAt(at) == 'A' ? 'B' : 'A';
        parts[part] = target.substring(0, at) + replacement + target.substring(at + 1);
        return String.join(".", parts);
    }
}
