package dev.tokenx.secrets;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says which variables to set, in Spring Boot's startup failure report, without a stack trace. */
final class DevelopmentSecretsFailureAnalyzer extends AbstractFailureAnalyzer<DevelopmentSecretsRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DevelopmentSecretsRefused cause) {
        String description = "This service runs outside local mode (the Spring profile '" + LocalMode.PROFILE
                + "' is not active) and would use secrets that protect nothing:\n  - "
                + String.join("\n  - ", cause.problems());
        String action = "Set " + String.join(", ", cause.variables())
                + " to secrets of your own (for example: openssl rand -base64 48), the same value wherever a secret"
                + " is shared. On a developer machine, run in local mode instead (SPRING_PROFILES_ACTIVE="
                + LocalMode.PROFILE + ", as the local launcher does).";
        return new FailureAnalysis(description, action, cause);
    }
}
