package dev.tokenx.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenx.gateway.GatewayApplication;
import dev.tokenx.secrets.DevelopmentSecretsRefused;
import dev.tokenx.secrets.PublishedSecrets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The gateway as any environment but the laptop starts it: its own application.yml only (not the tests' local mode),
 * the variables an operator sets. It refuses to start, before any bean exists, with a secret that protects nothing.
 */
class GatewayOutsideLocalModeTest {

    private static void start(String... variables) {
        String[] arguments = new String[variables.length + 1];
        arguments[0] = "--spring.config.location=classpath:/application.yml";
        for (int i = 0; i < variables.length; i++) {
            arguments[i + 1] = "--" + variables[i];
        }
        new SpringApplicationBuilder(GatewayApplication.class).run(arguments).close();
    }

    @Test
    void refuses_to_start_with_the_development_secret_and_says_which_variable_to_set() {
        assertThatThrownBy(() -> start("TOKENX_JWT_SECRET=" + PublishedSecrets.JWT_SECRET))
                .isInstanceOfSatisfying(DevelopmentSecretsRefused.class, refused -> {
                    assertThat(refused.problems())
                            .containsExactly(
                                    "TOKENX_JWT_SECRET (gateway.auth.jwt.secret) is a published development value");
                    assertThat(refused.variables()).containsExactly("TOKENX_JWT_SECRET");
                });
    }

    @Test
    void refuses_to_start_without_a_secret() {
        assertThatThrownBy(() -> start())
                .isInstanceOf(DevelopmentSecretsRefused.class)
                .hasMessageContaining("TOKENX_JWT_SECRET (gateway.auth.jwt.secret) is not set");
    }

    @Test
    void refuses_the_development_secret_with_the_demo_profile_too() {
        assertThatThrownBy(
                        () -> start("spring.profiles.active=demo", "TOKENX_JWT_SECRET=" + PublishedSecrets.JWT_SECRET))
                .isInstanceOf(DevelopmentSecretsRefused.class);
    }
}
