package dev.tokenx.gateway.auth.jwt;

import dev.tokenx.security.token.TokenVerificationSettings;
import dev.tokenx.security.token.TokenVerifier;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The edge verifies tokens with the platform's one {@link TokenVerifier} (module token-verification), as every
 * service does: each token is verified once and then answered from the cache until its {@code exp}. Which secret it
 * may hold is {@link GatewayJwtSecret}'s declaration to the secret guard.
 */
@Configuration(proxyBeanMethods = false)
public class JwtVerificationConfiguration {

    @Bean
    TokenVerificationSettings tokenVerificationSettings(JwtProperties jwt) {
        return jwt.settings();
    }

    /** Wall-clock time, as the services verify: token lifetimes are not the gateway's domain time. */
    @Bean
    TokenVerifier tokenVerifier(TokenVerificationSettings settings) {
        return TokenVerifier.of(settings, Clock.systemUTC());
    }
}
