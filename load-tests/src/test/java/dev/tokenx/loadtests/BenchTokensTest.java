package dev.tokenx.loadtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchTokensTest {

    private static final BenchSettings.TokenSettings LOCAL =
            new BenchSettings.TokenSettings(BenchSettings.LOCAL_DEV_JWT_SECRET, "tokenx-local", "tokenx-api");

    @Test
    void signs_the_claims_the_platform_verifies() throws ParseException, JOSEException {
        BenchInvestor investor = BenchInvestor.number(7);
        Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        SignedJWT jwt = SignedJWT.parse(new BenchTokens(LOCAL).mint(investor, issuedAt, Duration.ofMinutes(45)));

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(jwt.verify(new MACVerifier(BenchSettings.LOCAL_DEV_JWT_SECRET.getBytes(StandardCharsets.UTF_8))))
                .isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(investor.id().toString());
        assertThat(claims.getIssuer()).isEqualTo("tokenx-local");
        assertThat(claims.getAudience()).containsExactly("tokenx-api");
        assertThat(claims.getStringListClaim("roles")).isEqualTo(List.of("USER"));
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo("bench-0007");
        assertThat(claims.getIssueTime()).isEqualTo(Date.from(issuedAt));
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(issuedAt.plus(Duration.ofMinutes(45))));
        assertThat(claims.getJWTID()).isNotBlank();
    }

    @Test
    void investors_keep_their_identity_from_run_to_run() {
        BenchInvestor investor = BenchInvestor.number(42);

        assertThat(investor.id()).hasToString("be9c0000-0000-4000-8000-000000000042");
        assertThat(investor.username()).isEqualTo("bench-0042");
        assertThat(investor.walletAddress()).matches("^0x[0-9a-fA-F]{40}$");
        assertThat(investor.depositEntryId()).hasToString("de9c0000-0000-4000-8000-000000000042");
        assertThat(BenchInvestor.number(42)).isEqualTo(investor);
    }
}
