package dev.tokenx.secrets;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Local mode, the one definition: the Spring profile {@code local}, which the local launcher turns on for every
 * service ({@code SPRING_PROFILES_ACTIVE=local}). Only there do the development defaults apply (each service's
 * {@code application-local.yml}: the published secrets, the gateway's token issuer and its demo users, the demo
 * data); everywhere else a service starts only with secrets of its own.
 */
public final class LocalMode {

    public static final String PROFILE = "local";

    private LocalMode() {}

    public static boolean isOn(Environment environment) {
        return environment.acceptsProfiles(Profiles.of(PROFILE));
    }
}
