package dev.tokenx.gateway.cors;

import dev.tokenx.gateway.problem.ProblemResponseWriter;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * CORS for the API and the realtime WebSocket, applied before authentication ({@link CorsProblemWebFilter}), so
 * that a preflight (which carries no token) is answered, a refused origin gets a problem, and an answer refused for
 * its token still tells the browser which origin may read it.
 */
@Configuration(proxyBeanMethods = false)
class EdgeCorsConfiguration {

    /** What the frontends send: the token, JSON bodies, order idempotency and their own request id. */
    private static final List<String> REQUEST_HEADERS =
            List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "Idempotency-Key", "X-Request-Id");

    /** What the frontends may read besides the CORS-safelisted headers: ids, limits and where a new order lives. */
    private static final List<String> EXPOSED_HEADERS = List.of(
            "X-Request-Id",
            "RateLimit-Policy",
            "RateLimit",
            "X-RateLimit-Limit",
            "X-RateLimit-Remaining",
            "X-RateLimit-Reset",
            HttpHeaders.RETRY_AFTER,
            HttpHeaders.LOCATION,
            "Idempotent-Replayed");

    @Bean
    CorsConfigurationSource edgeCorsConfigurationSource(CorsProperties cors) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(cors.allowedOrigins());
        configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        configuration.setAllowedHeaders(REQUEST_HEADERS);
        configuration.setExposedHeaders(EXPOSED_HEADERS);
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(cors.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", configuration);
        source.registerCorsConfiguration("/app/**", configuration);
        return source;
    }

    @Bean
    CorsProblemWebFilter corsProblemWebFilter(
            CorsConfigurationSource edgeCorsConfigurationSource, ProblemResponseWriter problems) {
        return new CorsProblemWebFilter(edgeCorsConfigurationSource, problems);
    }
}
