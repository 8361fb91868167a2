package dev.tokenx.gateway.auth.token.crypto;

import dev.tokenx.gateway.auth.token.application.TokenMinter;
import dev.tokenx.gateway.auth.token.domain.LocalUser;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Signs HS256 tokens with the platform's claims: {@code sub} is the user id, {@code roles} an array of names. */
public final class NimbusTokenMinter implements TokenMinter {

    private final JwtEncoder encoder;
    private final String issuer;
    private final String audience;

    public NimbusTokenMinter(SecretKey secret, String issuer, String audience) {
        this.encoder = NimbusJwtEncoder.withSecretKey(secret)
                .algorithm(MacAlgorithm.HS256)
                .build();
        this.issuer = issuer;
        this.audience = audience;
    }

    @Override
    public String mint(LocalUser user, Instant issuedAt, Instant expiresAt) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .audience(List.of(audience))
                .subject(user.id().toString())
                .claim("preferred_username", user.username())
                .claim("roles", user.roles())
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .id(UUID.randomUUID().toString())
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
