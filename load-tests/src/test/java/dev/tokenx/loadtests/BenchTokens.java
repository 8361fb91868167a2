package dev.tokenx.loadtests;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs the benchmark investors' access tokens the way the gateway's local issuer does (gateway-service's
 * {@code NimbusTokenMinter}): HS256, {@code sub} the user id, {@code roles} ["USER"]. Minting them here keeps
 * {@code /api/auth/token}, which knows only the demo users, out of the measurement.
 */
final class BenchTokens {

    private static final JWSHeader HEADER =
            new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build();

    private final JWSSigner signer;
    private final BenchSettings.TokenSettings settings;

    BenchTokens(BenchSettings.TokenSettings settings) {
        this.settings = settings;
        try {
            this.signer = new MACSigner(settings.secret().getBytes(StandardCharsets.UTF_8));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("Unusable JWT secret: " + e.getMessage(), e);
        }
    }

    String mint(BenchInvestor investor, Instant issuedAt, Duration lifetime) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .audience(settings.audience())
                .subject(investor.id().toString())
                .claim("preferred_username", investor.username())
                .claim("roles", List.of("USER"))
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(HEADER, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token for " + investor.username(), e);
        }
        return jwt.serialize();
    }
}
