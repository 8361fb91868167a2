package dev.tokenx.gateway.cors;

import dev.tokenx.gateway.problem.ProblemResponseWriter;
import dev.tokenx.gateway.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Applies CORS before Spring Security, as Spring's {@code CorsWebFilter} does, but answers a refused origin, method
 * or header with a 403 {@code CORS_REJECTED} problem where Spring's answers an empty 403. An allowed preflight is
 * answered here without a token; an allowed request goes on with its CORS headers already set, so the security
 * chain's own CORS step finds nothing left to do. A request without {@code Origin} (or from the edge's own origin)
 * costs one header lookup.
 */
final class CorsProblemWebFilter implements WebFilter, Ordered {

    /** Before Spring Security's filter chain (-100), as preflights carry no token. */
    static final int ORDER = -150;

    private final CorsConfigurationSource source;
    private final CorsProcessor processor = new DefaultCorsProcessor();
    private final ProblemResponseWriter problems;

    CorsProblemWebFilter(CorsConfigurationSource source, ProblemResponseWriter problems) {
        this.source = source;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!CorsUtils.isCorsRequest(request)) {
            return chain.filter(exchange);
        }
        CorsConfiguration configuration = source.getCorsConfiguration(exchange);
        if (configuration == null) {
            return chain.filter(exchange);
        }
        if (!processor.process(configuration, exchange)) {
            return problems.write(
                    exchange,
                    Problems.of(
                            HttpStatus.FORBIDDEN,
                            "CORS_REJECTED",
                            "Cross-origin request refused: origin %s, method or headers not allowed."
                                    .formatted(request.getHeaders().getFirst(HttpHeaders.ORIGIN))));
        }
        return CorsUtils.isPreFlightRequest(request) ? Mono.empty() : chain.filter(exchange);
    }
}
