package dev.tokenx.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

@ExtendWith(OutputCaptureExtension.class)
class DevelopmentSecretsGuardTest {

    private static final String OWN_SECRET = "a-secret-of-this-deployment-only-0123456789";

    /** What a service declares: an API secret always, a webhook secret only when webhooks are on. */
    public static final class ExampleSecrets implements ServiceSecrets {

        @Override
        public List<UsedSecret> usedIn(Binder configuration) {
            UsedSecret api = UsedSecret.at(configuration, "example.api.secret", "EXAMPLE_API_SECRET");
            if (!configuration.bind("example.webhooks.enabled", Boolean.class).orElse(false)) {
                return List.of(api);
            }
            return List.of(api, UsedSecret.at(configuration, "example.webhooks.secret", "EXAMPLE_WEBHOOK_SECRET"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class AnApplication {}

    private static ConfigurableApplicationContext start(String... arguments) {
        SpringApplication application = new SpringApplication(AnApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        return application.run(arguments);
    }

    @Nested
    class outside_local_mode {

        @Test
        void refuses_to_start_without_the_secret_and_names_its_variable() {
            assertThatThrownBy(() -> start()).isInstanceOfSatisfying(DevelopmentSecretsRefused.class, refused -> {
                assertThat(refused.problems()).containsExactly("EXAMPLE_API_SECRET (example.api.secret) is not set");
                assertThat(refused.variables()).containsExactly("EXAMPLE_API_SECRET");
            });
        }

        @Test
        void refuses_a_blank_secret() {
            assertThatThrownBy(() -> start("--example.api.secret=  "))
                    .hasMessageContaining("EXAMPLE_API_SECRET (example.api.secret) is not set");
        }

        @Test
        void refuses_each_published_development_value() {
            for (String published : List.of(
                    PublishedSecrets.JWT_SECRET,
                    PublishedSecrets.REALTIME_APP_SECRET,
                    "local-dev-only-realtime-secret",
                    "local-dev-only-postgres-password")) {
                assertThatThrownBy(() -> start("--example.api.secret=" + published))
                        .as(published)
                        .isInstanceOf(DevelopmentSecretsRefused.class)
                        .hasMessageContaining(
                                "EXAMPLE_API_SECRET (example.api.secret) is a published development value")
                        .hasMessageNotContaining(published);
            }
        }

        @Test
        void names_every_refused_secret_at_once() {
            assertThatThrownBy(() -> start("--example.webhooks.enabled=true"))
                    .isInstanceOfSatisfying(
                            DevelopmentSecretsRefused.class,
                            refused -> assertThat(refused.variables())
                                    .containsExactly("EXAMPLE_API_SECRET", "EXAMPLE_WEBHOOK_SECRET"));
        }

        @Test
        void starts_with_secrets_of_its_own() {
            try (ConfigurableApplicationContext started =
                    start("--example.api.secret=" + OWN_SECRET, "--spring.profiles.active=production")) {
                assertThat(started.isActive()).isTrue();
            }
        }

        @Test
        void reports_what_to_set_without_a_stack_trace(CapturedOutput output) {
            assertThatThrownBy(() -> start("--example.api.secret=" + PublishedSecrets.JWT_SECRET));

            assertThat(output.getOut() + output.getErr())
                    .contains("APPLICATION FAILED TO START")
                    .contains("EXAMPLE_API_SECRET (example.api.secret) is a published development value")
                    .contains("Set EXAMPLE_API_SECRET to secrets of your own")
                    .contains("SPRING_PROFILES_ACTIVE=local")
                    .doesNotContain(PublishedSecrets.JWT_SECRET)
                    .doesNotContain("at dev.tokenx.secrets.DevelopmentSecretsGuard");
        }
    }

    @Nested
    class in_local_mode {

        @Test
        void starts_with_a_published_value() {
            try (ConfigurableApplicationContext started =
                    start("--spring.profiles.active=local", "--example.api.secret=" + PublishedSecrets.JWT_SECRET)) {
                assertThat(started.isActive()).isTrue();
            }
        }

        @Test
        void starts_without_the_secret_at_all() {
            try (ConfigurableApplicationContext started = start("--spring.profiles.active=demo,local")) {
                assertThat(started.isActive()).isTrue();
            }
        }
    }

    @Test
    void the_analysis_names_the_variables_to_set() {
        DevelopmentSecretsRefused refused = new DevelopmentSecretsRefused(
                List.of("A_SECRET (a.secret) is not set", "B_SECRET (b.secret) is not set"),
                List.of("A_SECRET", "B_SECRET"));

        FailureAnalysis analysis = new DevelopmentSecretsFailureAnalyzer().analyze(refused);

        assertThat(analysis.getDescription()).contains("A_SECRET (a.secret) is not set", "B_SECRET (b.secret)");
        assertThat(analysis.getAction()).startsWith("Set A_SECRET, B_SECRET to secrets of your own");
    }

    @Test
    void a_secret_never_prints_its_value() {
        UsedSecret secret = UsedSecret.at(
                new Binder(new MapConfigurationPropertySource(Map.of("example.api.secret", OWN_SECRET))),
                "example.api.secret",
                "EXAMPLE_API_SECRET");

        assertThat(secret.value()).isEqualTo(OWN_SECRET);
        assertThat(secret.toString()).doesNotContain(OWN_SECRET);
    }
}
