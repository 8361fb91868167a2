package dev.tokenx.gateway.requestid;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Wraps the whole request handling, error handlers included, so that every answer (proxied, rejected by
 * security, or a gateway error) carries the request id and gets exactly one access log line with its final status.
 * A gateway {@code GlobalFilter} would see only routed requests, and a {@code WebFilter} completes before the
 * error handlers have chosen the status.
 */
final class RequestIdHttpHandler implements HttpHandler {

    private static final Logger accessLog = LoggerFactory.getLogger("dev.tokenx.gateway.access");

    private final HttpHandler delegate;

    RequestIdHttpHandler(HttpHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
        long startedAt = System.nanoTime();
        String requestId = RequestIds.acceptOrGenerate(request.getHeaders().getFirst(RequestIds.HEADER));
        ServerHttpRequest tagged = request.mutate()
                .headers(headers -> headers.set(RequestIds.HEADER, requestId))
                .build();
        // Set at commit time, replacing any copy an upstream echoed, so the answer carries exactly one id.
        response.beforeCommit(
                () -> Mono.fromRunnable(() -> response.getHeaders().set(RequestIds.HEADER, requestId)));
        return delegate.handle(tagged, response)
                .doFinally(signal -> logAccess(tagged, response, requestId, startedAt, signal));
    }

    private static void logAccess(
            ServerHttpRequest request,
            ServerHttpResponse response,
            String requestId,
            long startedAt,
            SignalType signal) {
        Duration duration = Duration.ofNanos(System.nanoTime() - startedAt);
        HttpStatusCode status = response.getStatusCode();
        MDC.put(RequestIds.MDC_KEY, requestId);
        try {
            accessLog.info(
                    "{} {} status={} durationMs={} requestId={}{}",
                    request.getMethod(),
                    request.getPath().value(),
                    status == null ? "-" : status.value(),
                    duration.toMillis(),
                    requestId,
                    signal == SignalType.CANCEL ? " cancelled=true" : "");
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
