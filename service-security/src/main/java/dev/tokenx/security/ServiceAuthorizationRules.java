package dev.tokenx.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * A service's own access rules, applied after the shared ones (health, info and metrics open) and before the rest
 * (every other request needs a verified token). For example {@code exchanges -> exchanges.pathMatchers("/api/trading/**")
 * .hasRole("USER")}; roles come from the token's {@code roles} claim.
 */
@FunctionalInterface
public interface ServiceAuthorizationRules {

    void apply(ServerHttpSecurity.AuthorizeExchangeSpec exchanges);
}
