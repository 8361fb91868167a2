package dev.tokenx.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenx.secrets.DevelopmentSecretsRefused;
import dev.tokenx.secrets.PublishedSecrets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Started as any environment but the laptop starts it, the server refuses the published app secret. */
class OutsideLocalModeTest {

    private static void start(String... arguments) {
        new SpringApplicationBuilder(RealtimeServerApplication.class)
                .run(arguments)
                .close();
    }

    @Test
    void refuses_to_start_with_the_local_apps_secret_and_says_which_variable_to_set() {
        assertThatThrownBy(() -> start("--REALTIME_APP_SECRET=" + PublishedSecrets.REALTIME_APP_SECRET))
                .isInstanceOfSatisfying(
                        DevelopmentSecretsRefused.class,
                        refused -> assertThat(refused.problems())
                                .containsExactly(
                                        "REALTIME_APP_SECRET (realtime.apps[0].secret) is a published development value"));
    }

    @Test
    void refuses_each_apps_missing_secret_but_not_a_disabled_apps() {
        assertThatThrownBy(() -> start(
                        "--realtime.apps[0].id=a",
                        "--realtime.apps[0].key=a-key",
                        "--realtime.apps[0].secret=a-secret-of-its-own",
                        "--realtime.apps[1].id=b",
                        "--realtime.apps[1].key=b-key",
                        "--realtime.apps[2].id=c",
                        "--realtime.apps[2].key=c-key",
                        "--realtime.apps[2].enabled=false"))
                .isInstanceOfSatisfying(
                        DevelopmentSecretsRefused.class,
                        refused -> assertThat(refused.problems())
                                .containsExactly("REALTIME_APPS_1_SECRET (realtime.apps[1].secret) is not set"));
    }
}
