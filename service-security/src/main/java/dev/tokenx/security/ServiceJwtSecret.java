package dev.tokenx.security;

import dev.tokenx.secrets.ServiceSecrets;
import dev.tokenx.secrets.UsedSecret;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * Every service that verifies tokens through this module holds the HS256 secret, unless it verifies an issuer's JWK
 * set (then no service holds a signing secret): outside local mode it must be set and not a published one.
 */
public final class ServiceJwtSecret implements ServiceSecrets {

    @Override
    public List<UsedSecret> usedIn(Binder configuration) {
        boolean jwkSet = !configuration
                .bind("tokenx.security.jwt.jwk-set-uri", String.class)
                .orElse("")
                .isBlank();
        if (jwkSet) {
            return List.of();
        }
        return List.of(UsedSecret.at(configuration, "tokenx.security.jwt.secret", "TOKENX_JWT_SECRET"));
    }
}
