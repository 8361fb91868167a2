package dev.tokenx.gateway.auth.token;

import dev.tokenx.gateway.auth.token.application.IssueToken;
import dev.tokenx.gateway.auth.token.crypto.BCryptPasswordVerifier;
import dev.tokenx.gateway.auth.token.crypto.NimbusTokenMinter;
import dev.tokenx.security.token.TokenVerificationSettings;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the local issuer only when enabled; without it, {@code POST /api/auth/token} does not exist. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(LocalIssuerConfiguration.ENABLED)
public class LocalIssuerConfiguration {

    public static final String ENABLED = "gateway.auth.local-issuer.enabled";

    @Bean
    IssueToken issueToken(LocalIssuerProperties issuer, TokenVerificationSettings jwt, Clock clock) {
        if (jwt.usesJwkSet()) {
            // Its tokens would be HMAC-signed while the edge then verifies only the external issuer's keys:
            // every token it issued would be refused. Fail at startup instead of at the first login.
            throw new IllegalStateException(
                    "gateway.auth.local-issuer.enabled=true cannot be combined with gateway.auth.jwt.jwk-set-uri;"
                            + " run the gateway without the demo profile (SPRING_PROFILES_ACTIVE), which turns the local issuer on");
        }
        return new IssueToken(
                issuer.localUsers(),
                new BCryptPasswordVerifier(),
                new NimbusTokenMinter(jwt.hmacKey(), jwt.issuer(), jwt.audience()),
                issuer.tokenLifetime(),
                clock);
    }
}
