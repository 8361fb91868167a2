package dev.tokenx.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.security.token.TokenVerificationSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** One variable sets the gateway and the services: the services read the gateway's TOKENX_JWT_* too. */
class PlatformTokenVariablesTest {

    private static final String SECRET = "a-test-secret-of-at-least-thirty-two-bytes-0123";

    private static final Map<String, Object> SERVICE_YAML = Map.of(
            "tokenx.security.jwt.secret", SECRET,
            "tokenx.security.jwt.issuer", "tokenx-local",
            "tokenx.security.jwt.audience", "tokenx-api");

    private static TokenVerificationSettings settingsWith(Map<String, Object> variables) {
        Map<String, Object> sources = new HashMap<>(SERVICE_YAML);
        sources.putAll(variables);
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", sources));
        new PlatformTokenVariables().postProcessEnvironment(environment, new SpringApplication());
        return Binder.get(environment)
                .bind("tokenx.security.jwt", JwtProperties.class)
                .get()
                .settings();
    }

    @Test
    void reads_the_platform_variables() {
        TokenVerificationSettings settings = settingsWith(Map.of(
                "TOKENX_JWT_CLOCK_SKEW", "5s",
                "TOKENX_JWT_CACHE_MAXIMUM_SIZE", "42",
                "TOKENX_JWT_JWK_SET_ALGORITHM", "ES256"));

        assertThat(settings.clockSkew()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.cacheMaximumSize()).isEqualTo(42);
        assertThat(settings.jwkSetAlgorithm()).isEqualTo("ES256");
    }

    @Test
    void keeps_the_defaults_when_they_are_not_set() {
        TokenVerificationSettings settings = settingsWith(Map.of());

        assertThat(settings.clockSkew()).isEqualTo(TokenVerificationSettings.DEFAULT_CLOCK_SKEW);
        assertThat(settings.cacheMaximumSize()).isEqualTo(TokenVerificationSettings.DEFAULT_CACHE_MAXIMUM_SIZE);
        assertThat(settings.jwkSetAlgorithm()).isEqualTo("RS256");
    }

    @Test
    void lets_a_services_own_setting_win() {
        TokenVerificationSettings settings =
                settingsWith(Map.of("TOKENX_JWT_CLOCK_SKEW", "5s", "tokenx.security.jwt.clock-skew", "10s"));

        assertThat(settings.clockSkew()).isEqualTo(Duration.ofSeconds(10));
    }
}
