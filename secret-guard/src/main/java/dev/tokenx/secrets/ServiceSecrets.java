package dev.tokenx.secrets;

import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * What a service (or a shared module, for everything that uses it) declares: the secrets it will use with this
 * configuration. Registered in the module's {@code META-INF/spring.factories} under this interface's name; the
 * {@link DevelopmentSecretsGuard} asks every registered declaration before the application context is refreshed.
 */
public interface ServiceSecrets {

    /** The secrets in use under this configuration (a JWT secret is not, for instance, when a JWK set is). */
    List<UsedSecret> usedIn(Binder configuration);
}
