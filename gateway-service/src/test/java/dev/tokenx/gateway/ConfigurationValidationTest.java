package dev.tokenx.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.gateway.auth.jwt.JwtProperties;
import dev.tokenx.gateway.auth.jwt.JwtVerificationConfiguration;
import dev.tokenx.gateway.auth.token.LocalIssuerConfiguration;
import dev.tokenx.gateway.auth.token.LocalIssuerProperties;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A gateway that would verify nothing, or issue tokens it then refuses, must not start. */
class ConfigurationValidationTest {

    private static final String LOCAL_SECRET =
            "gateway.auth.jwt.secret=local-dev-only-secret-change-me-0123456789abcdef";
    private static final String ALICE = "gateway.auth.local-issuer.users[0].";

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, JwtVerificationConfiguration.class, LocalIssuerConfiguration.class)
            .withPropertyValues("gateway.auth.jwt.issuer=tokenx-local", "gateway.auth.jwt.audience=tokenx-api")
            .withPropertyValues(
                    ALICE + "username=alice",
                    ALICE + "user-id=a11ce000-0000-4000-8000-000000000001",
                    ALICE + "password-hash=$2a$10$TW8lx5ZOhqQ8MYNZU/sRpuuoxrsZLC003bgU0CJw/u0g4g4QjYj6.",
                    ALICE + "roles=USER");

    @Test
    void starts_with_the_local_defaults() {
        context.withPropertyValues(LOCAL_SECRET, "gateway.auth.local-issuer.enabled=true")
                .run(started -> assertThat(started).hasNotFailed());
    }

    @Test
    void refuses_an_hmac_secret_shorter_than_32_bytes() {
        context.withPropertyValues("gateway.auth.jwt.secret=too-short")
                .run(started -> assertThat(started).getFailure().rootCause().hasMessageContaining("32 bytes"));
    }

    @Test
    void refuses_no_verification_key_at_all() {
        context.run(started -> assertThat(started).getFailure().rootCause().hasMessageContaining("jwk-set-uri"));
    }

    @Test
    void refuses_the_local_issuer_beside_an_external_issuer() {
        context.withPropertyValues(
                        LOCAL_SECRET,
                        "gateway.auth.jwt.jwk-set-uri=https://idp.example/jwks.json",
                        "gateway.auth.local-issuer.enabled=true")
                .run(started ->
                        assertThat(started).getFailure().rootCause().hasMessageContaining("without the demo profile"));
    }

    @Test
    void refuses_a_user_whose_password_is_not_a_bcrypt_hash() {
        context.withPropertyValues(
                        LOCAL_SECRET, "gateway.auth.local-issuer.enabled=true", ALICE + "password-hash=alice-demo")
                .run(started -> assertThat(started).getFailure().rootCause().hasMessageContaining("BCrypt"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({JwtProperties.class, LocalIssuerProperties.class})
    static class Properties {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
