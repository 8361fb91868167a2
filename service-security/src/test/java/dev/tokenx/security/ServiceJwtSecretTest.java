package dev.tokenx.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenx.secrets.DevelopmentSecretsRefused;
import dev.tokenx.secrets.PublishedSecrets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** Every service on this module holds the JWT secret, unless it verifies a JWK set: never a published one. */
class ServiceJwtSecretTest {

    @Configuration(proxyBeanMethods = false)
    static class AService {}

    private static ConfigurableApplicationContext start(String... arguments) {
        SpringApplication service = new SpringApplication(AService.class);
        service.setWebApplicationType(WebApplicationType.NONE);
        return service.run(arguments);
    }

    @Test
    void refuses_the_published_secret_outside_local_mode_and_names_the_variable() {
        assertThatThrownBy(() -> start("--tokenx.security.jwt.secret=" + PublishedSecrets.JWT_SECRET))
                .isInstanceOfSatisfying(
                        DevelopmentSecretsRefused.class,
                        refused -> assertThat(refused.problems())
                                .containsExactly(
                                        "TOKENX_JWT_SECRET (tokenx.security.jwt.secret) is a published development value"));
    }

    @Test
    void refuses_no_secret_outside_local_mode() {
        assertThatThrownBy(() -> start())
                .hasMessageContaining("TOKENX_JWT_SECRET (tokenx.security.jwt.secret) is not set");
    }

    @Test
    void needs_no_secret_with_a_jwk_set() {
        try (ConfigurableApplicationContext started = start(
                "--tokenx.security.jwt.jwk-set-uri=https://idp.example/realms/tokenx/protocol/openid-connect/certs")) {
            assertThat(started.isActive()).isTrue();
        }
    }

    @Test
    void accepts_the_published_secret_in_local_mode() {
        try (ConfigurableApplicationContext started = start(
                "--spring.profiles.active=local", "--tokenx.security.jwt.secret=" + PublishedSecrets.JWT_SECRET)) {
            assertThat(started.isActive()).isTrue();
        }
    }
}
