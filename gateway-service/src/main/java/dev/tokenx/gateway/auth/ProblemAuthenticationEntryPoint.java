package dev.tokenx.gateway.auth;

import dev.tokenx.gateway.problem.ProblemResponseWriter;
import dev.tokenx.gateway.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 as a problem with code {@code UNAUTHORIZED} and the RFC 6750 challenge. The reason a token was refused
 * (bad signature, expired, wrong issuer) is logged, not told: the client only needs to know to get a new one.
 */
@Component
class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class);

    private final ProblemResponseWriter writer;

    ProblemAuthenticationEntryPoint(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        boolean tokenRefused = failure instanceof InvalidBearerTokenException;
        if (tokenRefused) {
            log.debug("Bearer token refused: {}", failure.getMessage());
        }
        exchange.getResponse()
                .getHeaders()
                .set(HttpHeaders.WWW_AUTHENTICATE, tokenRefused ? "Bearer error=\"invalid_token\"" : "Bearer");
        String detail = tokenRefused
                ? "The bearer token is invalid or has expired."
                : "A bearer token is required to access this resource.";
        return writer.write(exchange, Problems.of(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", detail));
    }
}
