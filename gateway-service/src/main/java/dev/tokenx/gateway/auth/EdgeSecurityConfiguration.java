package dev.tokenx.gateway.auth;

import dev.tokenx.security.token.StatelessBearerApi;
import dev.tokenx.security.token.TokenVerifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.cors.reactive.CorsConfigurationSource;

/**
 * Who may pass the edge. Stateless bearer-token API ({@link StatelessBearerApi}, as in every service): no session,
 * CSRF token, login page or saved request; unlike the services, the edge writes Spring Security's default headers,
 * because browsers read its answers; CORS first, so that a preflight is answered before authentication. Anything not listed is denied, so a new route is closed until it is opened here on purpose.
 *
 * <p>Public: the development token endpoint, health, public market data (reads) and the realtime WebSocket, where
 * the Pusher protocol itself authorizes private channels (through {@code /api/realtime/auth}, which needs a token).
 * Admin routes need the role ADMIN; every other API route the role USER. The rules are matched in order, so the
 * placement route, the one hot path, is matched first.
 */
@Configuration(proxyBeanMethods = false)
class EdgeSecurityConfiguration {

    static final String TOKEN_PATH = "/api/auth/token";
    static final String ADMIN_ROLE = "ADMIN";
    static final String USER_ROLE = "USER";

    @Bean
    SecurityWebFilterChain edgeSecurity(
            ServerHttpSecurity http,
            TokenVerifier tokenVerifier,
            ProblemAuthenticationEntryPoint entryPoint,
            ProblemAccessDeniedHandler accessDeniedHandler,
            CorsConfigurationSource corsConfigurationSource) {
        return StatelessBearerApi.configure(http, tokenVerifier, entryPoint, accessDeniedHandler)
                .cors(cors -> cors.configurationSource(corsConfigurationSource))
                // Browsers read the edge's answers (CORS): nosniff, no caching of account data unless an answer
                // says otherwise, no framing. Written here once per answer; the services behind answer only us.
                .headers(Customizer.withDefaults())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/api/trading/**")
                        .hasRole(USER_ROLE)
                        .pathMatchers(HttpMethod.POST, TOKEN_PATH)
                        .permitAll()
                        .pathMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/market/**", "/app/**")
                        .permitAll()
                        .pathMatchers("/api/admin/**")
                        .hasRole(ADMIN_ROLE)
                        .pathMatchers("/api/**")
                        .hasRole(USER_ROLE)
                        .anyExchange()
                        .denyAll())
                .build();
    }

    /** Nothing reads Spring Security's per-request observations at the edge. */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return StatelessBearerApi.noObservations();
    }
}
