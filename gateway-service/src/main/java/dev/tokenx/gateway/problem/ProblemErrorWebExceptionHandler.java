package dev.tokenx.gateway.problem;

import dev.tokenx.gateway.requestid.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns every failure of the gateway itself (no route, upstream down or slow, bad input to its own endpoints)
 * into a problem answer. Ordered before Spring Boot's default handler, which would answer with its own JSON.
 * Answers that an upstream service wrote are not failures here: they pass through untouched.
 */
@Component
@Order(-2)
public class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorWebExceptionHandler.class);

    private final ProblemResponseWriter writer;

    public ProblemErrorWebExceptionHandler(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        ErrorAnswer answer = ErrorAnswers.forFailure(failure);
        logFailure(exchange.getRequest(), answer, failure);
        exchange.getResponse().getHeaders().addAll(answer.headers());
        return writer.write(exchange, answer.problem());
    }

    private static void logFailure(ServerHttpRequest request, ErrorAnswer answer, Throwable failure) {
        MDC.put(RequestIds.MDC_KEY, request.getHeaders().getFirst(RequestIds.HEADER));
        try {
            switch (answer.severity()) {
                case CLIENT ->
                    log.debug(
                            "{} {} answered {}: {}",
                            request.getMethod(),
                            request.getPath(),
                            answer.problem().getStatus(),
                            failure.toString());
                case UPSTREAM ->
                    log.warn(
                            "{} {} answered {}: {}",
                            request.getMethod(),
                            request.getPath(),
                            answer.problem().getStatus(),
                            failure.toString());
                case UNEXPECTED ->
                    log.error("{} {} failed unexpectedly", request.getMethod(), request.getPath(), failure);
            }
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
