package dev.tokenx.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as RFC 9457 problems with the platform's {@code code} ({@code UNAUTHORIZED}, {@code FORBIDDEN}) and the
 * RFC 6750 challenge, like every other service's answers. The default of a service that has no problem writer of its
 * own for them.
 */
class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final JsonMapper json;

    ProblemSecurityHandlers(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        boolean tokenRejected = failure instanceof InvalidBearerTokenException;
        return write(
                exchange,
                HttpStatus.UNAUTHORIZED,
                "UNAUTHORIZED",
                tokenRejected ? "The bearer token is invalid or expired." : "A bearer token is required.",
                tokenRejected ? "Bearer error=\"invalid_token\"" : "Bearer");
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return write(
                exchange,
                HttpStatus.FORBIDDEN,
                "FORBIDDEN",
                "Your role does not allow this.",
                "Bearer error=\"insufficient_scope\"");
    }

    private Mono<Void> write(
            ServerWebExchange exchange, HttpStatus status, String code, String detail, String challenge) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        problem.setProperty("code", code);
        RequestIds.of(exchange).ifPresent(requestId -> problem.setProperty("requestId", requestId));
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        byte[] body = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
