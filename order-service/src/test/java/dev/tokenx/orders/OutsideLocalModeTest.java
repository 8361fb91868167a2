package dev.tokenx.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenx.secrets.DevelopmentSecretsRefused;
import dev.tokenx.secrets.PublishedSecrets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Started as any environment but the laptop starts it, the service refuses the published JWT secret. */
class OutsideLocalModeTest {

    @Test
    void refuses_to_start_with_the_development_jwt_secret_and_says_which_variable_to_set() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(OrderServiceApplication.class)
                        .run("--TOKENX_JWT_SECRET=" + PublishedSecrets.JWT_SECRET)
                        .close())
                .isInstanceOfSatisfying(
                        DevelopmentSecretsRefused.class,
                        refused -> assertThat(refused.variables()).containsExactly("TOKENX_JWT_SECRET"));
    }
}
