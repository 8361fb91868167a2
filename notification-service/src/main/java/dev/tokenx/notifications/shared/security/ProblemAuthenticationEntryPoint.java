package dev.tokenx.notifications.shared.security;

import dev.tokenx.notifications.shared.web.ErrorCode;
import dev.tokenx.notifications.shared.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401 as a problem with code {@code UNAUTHORIZED}, plus the RFC 6750 challenge. */
@Component
class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private final ProblemResponses responses;

    ProblemAuthenticationEntryPoint(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        boolean tokenRejected = failure instanceof InvalidBearerTokenException;
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, tokenRejected ? "Bearer error=\"invalid_token\"" : "Bearer");
        String detail = tokenRejected ? "The bearer token is invalid or expired." : "A bearer token is required.";
        return responses.write(exchange, responses.problem(exchange, ErrorCode.UNAUTHORIZED, detail), headers);
    }
}
