package dev.tokenx.blockchain.shared.web;

import dev.tokenx.security.FrameworkProblems;
import dev.tokenx.security.ProblemResponses;
import dev.tokenx.security.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;

/**
 * The one place errors become HTTP answers. The service's API reads no body and names no rule of its own, so every
 * answer is one of the framework's refusals ({@link FrameworkProblems}: unknown route, method, answer type, body) or
 * an internal error, all as problems. Runs before Boot's error handler, so no answer carries a stack trace or a Java
 * class name.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemResponses responses;
    private final FrameworkProblems framework;

    ProblemExceptionHandler(ProblemResponses responses) {
        this.responses = responses;
        this.framework = new FrameworkProblems(responses, ErrorCode::forStatus);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        // A caller that went away gets no answer, and the framework logs it quietly.
        if (exchange.getResponse().isCommitted() || DisconnectedClientHelper.isClientDisconnectedException(error)) {
            return Mono.error(error);
        }
        HttpHeaders headers = new HttpHeaders();
        ProblemDetail problem = error instanceof AccessDeniedException
                ? responses.problem(exchange, ErrorCode.FORBIDDEN, "You may not do this.")
                : framework.of(exchange, error, headers).orElseGet(() -> internalError(exchange, error));
        return responses.write(exchange, problem, headers);
    }

    private ProblemDetail internalError(ServerWebExchange exchange, Throwable error) {
        log.error(
                "Unexpected error on {} {} (request id {})",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                RequestIds.of(exchange).orElse("-"),
                error);
        return responses.problem(
                exchange, ErrorCode.INTERNAL_ERROR, "Something went wrong on our side; it has been logged.");
    }
}
