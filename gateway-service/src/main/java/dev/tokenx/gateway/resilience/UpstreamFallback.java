package dev.tokenx.gateway.resilience;

import dev.tokenx.gateway.problem.Problems;
import dev.tokenx.gateway.routing.UpstreamService;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Duration;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker forwards a failed request. A refusal by the breaker (open) or by the bulkhead
 * (full) becomes a 503 {@code SERVICE_UNAVAILABLE} problem with {@code Retry-After}; any other failure is raised
 * again unchanged, so that the edge's one error handler answers it as it answers every failure (503 for a refused
 * connection, 504 {@code UPSTREAM_TIMEOUT}, 502 for a broken answer, or the guard's 404).
 */
final class UpstreamFallback {

    private static final Duration BULKHEAD_RETRY_AFTER = Duration.ofSeconds(1);

    private final Duration openStateRetryAfter;

    UpstreamFallback(Duration openStateRetryAfter) {
        this.openStateRetryAfter = openStateRetryAfter;
    }

    Mono<ServerResponse> handle(ServerRequest request) {
        String service = UpstreamService.byId(request.pathVariable("service"))
                .map(UpstreamService::id)
                .orElse("upstream service");
        Throwable failure =
                request.exchange().getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        return Mono.error(answerFor(service, failure));
    }

    private Throwable answerFor(String service, Throwable failure) {
        return switch (failure) {
            case CallNotPermittedException open ->
                unavailable(
                        service,
                        "The " + service + " is unavailable; the gateway stopped calling it for a while.",
                        openStateRetryAfter,
                        open);
            case BulkheadFullException full ->
                unavailable(
                        service,
                        "The " + service + " is busy with other requests; retry shortly.",
                        BULKHEAD_RETRY_AFTER,
                        full);
            case null -> new IllegalStateException("Fallback reached without a failure");
            default -> failure;
        };
    }

    private static ErrorResponseException unavailable(
            String service, String detail, Duration retryAfter, Throwable cause) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE", detail);
        problem.setProperty("service", service);
        ErrorResponseException answer = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, cause);
        answer.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        return answer;
    }
}
