package dev.tokenx.gateway.auth.jwt;

import dev.tokenx.security.token.TokenVerificationSettings;
import dev.tokenx.security.token.TokenVerifier;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The edge verifies tokens with the platform's one {@link TokenVerifier} (module token-verification), as every
 * service does: each token is verified once and then answered from the cache until its {@code exp}.
 */
@Configuration(proxyBeanMethods = false)
public class JwtVerificationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JwtVerificationConfiguration.class);

    @Bean
    TokenVerificationSettings tokenVerificationSettings(JwtProperties jwt) {
        TokenVerificationSettings settings = jwt.settings();
        if (settings.usesLocalDevelopmentSecret()) {
            log.warn("Verifying JWTs with the local development secret: set TOKENX_JWT_SECRET outside a laptop.");
        }
        return settings;
    }

    /** Wall-clock time, as the services verify: token lifetimes are not the gateway's domain time. */
    @Bean
    TokenVerifier tokenVerifier(TokenVerificationSettings settings) {
        return TokenVerifier.of(settings, Clock.systemUTC());
    }
}
