package dev.tokenx.security.token;

import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

/**
 * Spring Security's filter chain reduced to what a stateless bearer-token JSON API needs, for the gateway and the
 * services alike: the bearer token verified by the {@link TokenVerifier}, the authorization rules, and the two
 * problem writers for 401 and 403. Left out, because nothing here uses them and each runs per request otherwise:
 * CSRF (no cookie carries credentials), the session and its security context repository, HTTP Basic, form login and
 * logout, the saved-request cache (there is no login page to come back from), and the security headers writer (the
 * answers are JSON for scripts, never a page a browser renders or frames; HSTS belongs to whatever terminates TLS).
 */
public final class StatelessBearerApi {

    private StatelessBearerApi() {}

    /** The caller adds its {@code authorizeExchange} rules (and CORS, where a browser calls it) and builds. */
    public static ServerHttpSecurity configure(
            ServerHttpSecurity http,
            TokenVerifier tokens,
            ServerAuthenticationEntryPoint unauthenticated,
            ServerAccessDeniedHandler forbidden) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.authenticationManager(tokens))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden));
    }

    /**
     * Spring Security observes every request, authentication and authorization as Micrometer observations when an
     * {@code ObservationRegistry} exists; nothing reads those, and each costs a context, timers and tags per
     * request. Declared as a bean, this turns them off.
     */
    public static SecurityObservationSettings noObservations() {
        return SecurityObservationSettings.noObservations();
    }
}
