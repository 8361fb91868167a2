package dev.tokenx.cache.shared.web;

import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;

/**
 * Every error as an RFC 9457 {@code application/problem+json} answer with a stable {@code code}, the shape of the
 * other services' problems (module service-security's {@code ProblemResponses} and {@code FrameworkProblems}). This
 * service depends on no shared module, and the service-security one would bring token verification with it, so the
 * few framework refusals it can meet are mapped here. Runs before Boot's error handler: no answer carries a stack
 * trace or a Java class name.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ServerResponse.Context context;

    ProblemExceptionHandler(ServerCodecConfigurer codecs) {
        this.context = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return codecs.getWriters();
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        // A caller that went away gets no answer, and the framework logs it quietly.
        if (exchange.getResponse().isCommitted() || DisconnectedClientHelper.isClientDisconnectedException(error)) {
            return Mono.error(error);
        }
        HttpHeaders headers = new HttpHeaders();
        ProblemDetail problem = toProblem(exchange, error, headers);
        return ServerResponse.status(problem.getStatus())
                .headers(h -> h.addAll(headers))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem)
                .flatMap(response -> response.writeTo(exchange, context));
    }

    private ProblemDetail toProblem(ServerWebExchange exchange, Throwable error, HttpHeaders headers) {
        if (error instanceof DataBufferLimitException) {
            return problem(exchange, ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than accepted.");
        }
        if (error instanceof ResponseStatusException status
                && status.getStatusCode().is4xxClientError()) {
            headers.addAll(status.getHeaders());
            ErrorCode code = ErrorCode.forStatus(status.getStatusCode().value());
            return problem(exchange, code, describe(code));
        }
        log.error(
                "Unexpected error on {} {}",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                error);
        return problem(exchange, ErrorCode.INTERNAL_ERROR, "Something went wrong on our side; it has been logged.");
    }

    /** Never the exception's own reason: it may quote the input or name Java types. */
    private static String describe(ErrorCode code) {
        return switch (code) {
            case NOT_FOUND -> "No such resource.";
            case METHOD_NOT_ALLOWED -> "This method is not allowed here.";
            case NOT_ACCEPTABLE -> "This resource is not available in the asked-for media type.";
            case UNSUPPORTED_MEDIA_TYPE -> "This body type is not accepted here.";
            default -> HttpStatus.valueOf(code.status().value()).getReasonPhrase() + ".";
        };
    }

    private static ProblemDetail problem(ServerWebExchange exchange, ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        problem.setProperty("code", code.name());
        return problem;
    }
}
