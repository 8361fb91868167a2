package dev.tokenx.gateway.auth.jwt;

import dev.tokenx.secrets.ServiceSecrets;
import dev.tokenx.secrets.UsedSecret;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * The gateway holds the HS256 secret (to verify tokens, and to sign them when the demo issuer is on) unless it
 * verifies an issuer's JWK set: outside local mode it must then be set and not a published one.
 */
public final class GatewayJwtSecret implements ServiceSecrets {

    @Override
    public List<UsedSecret> usedIn(Binder configuration) {
        boolean jwkSet = !configuration
                .bind("gateway.auth.jwt.jwk-set-uri", String.class)
                .orElse("")
                .isBlank();
        if (jwkSet) {
            return List.of();
        }
        return List.of(UsedSecret.at(configuration, "gateway.auth.jwt.secret", "TOKENX_JWT_SECRET"));
    }
}
