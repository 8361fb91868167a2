package dev.tokenx.security;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The platform-wide token variables that the gateway reads too, mapped onto {@code tokenx.security.jwt.*} for every
 * service at the lowest precedence, so that one variable sets the gateway and the services alike without each
 * service's {@code application.yml} repeating the mapping (a service's own setting still wins). Unset, they stay
 * empty and {@code TokenVerificationSettings} applies its defaults.
 */
public final class PlatformTokenVariables implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "tokenxPlatformTokenVariables";

    private static final Map<String, Object> MAPPING = Map.of(
            "tokenx.security.jwt.jwk-set-algorithm", "${TOKENX_JWT_JWK_SET_ALGORITHM:}",
            "tokenx.security.jwt.clock-skew", "${TOKENX_JWT_CLOCK_SKEW:}",
            "tokenx.security.jwt.cache-maximum-size", "${TOKENX_JWT_CACHE_MAXIMUM_SIZE:}");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, MAPPING));
    }
}
