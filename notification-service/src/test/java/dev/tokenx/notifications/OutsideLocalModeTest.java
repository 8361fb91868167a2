package dev.tokenx.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenx.secrets.DevelopmentSecretsRefused;
import dev.tokenx.secrets.PublishedSecrets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Started as any environment but the laptop starts it, the service refuses the published secrets. */
class OutsideLocalModeTest {

    @Test
    void refuses_to_start_with_the_development_secrets_and_names_both_variables() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(NotificationServiceApplication.class)
                        .run(
                                "--TOKENX_JWT_SECRET=" + PublishedSecrets.JWT_SECRET,
                                "--NOTIFICATIONS_PUSHER_SECRET=" + PublishedSecrets.REALTIME_APP_SECRET)
                        .close())
                .isInstanceOfSatisfying(
                        DevelopmentSecretsRefused.class,
                        refused -> assertThat(refused.variables())
                                .containsExactlyInAnyOrder("TOKENX_JWT_SECRET", "NOTIFICATIONS_PUSHER_SECRET"));
    }

    @Test
    void refuses_to_start_without_a_pusher_secret() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(NotificationServiceApplication.class)
                        .run("--TOKENX_JWT_SECRET=a-deployment-secret-of-its-own-0123456789abcdef")
                        .close())
                .isInstanceOf(DevelopmentSecretsRefused.class)
                .hasMessageContaining("NOTIFICATIONS_PUSHER_SECRET (notifications.pusher.secret) is not set");
    }
}
