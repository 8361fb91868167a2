package dev.tokenx.secrets;

import org.springframework.boot.context.properties.bind.Binder;

/**
 * A secret a service is about to use: the variable an operator sets, the property it is bound to, and the value the
 * configuration gives it now (null when none).
 */
public record UsedSecret(String variable, String property, String value) {

    /** The secret at {@code property}, as the configuration binds it. */
    public static UsedSecret at(Binder configuration, String property, String variable) {
        return new UsedSecret(
                variable, property, configuration.bind(property, String.class).orElse(null));
    }

    /** Why the secret may not be used outside local mode, or null when it may. */
    String refusal() {
        if (value == null || value.isBlank()) {
            return "is not set";
        }
        if (PublishedSecrets.isPublished(value)) {
            return "is a published development value";
        }
        return null;
    }

    @Override
    public String toString() {
        // A record prints its components; the value must never reach a log line or a failure report.
        return "UsedSecret[variable=" + variable + ", property=" + property + "]";
    }
}
