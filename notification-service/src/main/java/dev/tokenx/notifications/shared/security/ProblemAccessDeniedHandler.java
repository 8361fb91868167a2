package dev.tokenx.notifications.shared.security;

import dev.tokenx.notifications.shared.web.ErrorCode;
import dev.tokenx.notifications.shared.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 403 as a problem with code {@code FORBIDDEN}: authenticated, but without the role the route needs. */
@Component
class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

    private final ProblemResponses responses;

    ProblemAccessDeniedHandler(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        return responses.write(
                exchange, responses.problem(exchange, ErrorCode.FORBIDDEN, "Your role does not allow this."), headers);
    }
}
