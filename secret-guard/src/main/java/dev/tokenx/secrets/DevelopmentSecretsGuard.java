package dev.tokenx.secrets;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Outside {@link LocalMode}, stops the application before any bean exists when a secret it uses is missing, blank
 * or a {@link PublishedSecrets published} development value, naming every variable to set at once.
 *
 * <p>Runs on {@link ApplicationPreparedEvent}: the configuration is complete then (profiles, every {@code
 * application*.yml}, and in tests the dynamic property sources that context initializers add), and nothing has
 * connected to anything yet. {@link DevelopmentSecretsFailureAnalyzer} turns the failure into Spring Boot's short
 * "APPLICATION FAILED TO START" report instead of a stack trace.
 */
public final class DevelopmentSecretsGuard implements ApplicationListener<ApplicationPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        ConfigurableEnvironment environment = event.getApplicationContext().getEnvironment();
        if (LocalMode.isOn(environment)) {
            return;
        }
        List<ServiceSecrets> declarations = SpringFactoriesLoader.forDefaultResourceLocation(
                        event.getApplicationContext().getClassLoader())
                .load(ServiceSecrets.class);
        check(Binder.get(environment), declarations);
    }

    static void check(Binder configuration, List<ServiceSecrets> declarations) {
        List<String> problems = new ArrayList<>();
        Set<String> variables = new LinkedHashSet<>();
        for (ServiceSecrets declaration : declarations) {
            for (UsedSecret secret : declaration.usedIn(configuration)) {
                String refusal = secret.refusal();
                if (refusal != null) {
                    problems.add(secret.variable() + " (" + secret.property() + ") " + refusal);
                    variables.add(secret.variable());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new DevelopmentSecretsRefused(problems, List.copyOf(variables));
        }
    }
}
