package dev.tokenx.gateway.auth;

import dev.tokenx.gateway.problem.ProblemResponseWriter;
import dev.tokenx.gateway.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 403 as a problem with code {@code FORBIDDEN}: the caller is known but this is not theirs to reach. */
@Component
class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

    private final ProblemResponseWriter writer;

    ProblemAccessDeniedHandler(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return writer.write(
                exchange,
                Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "You are not allowed to access this resource."));
    }
}
