package dev.tokenx.notifications.shared.web;

import dev.tokenx.notifications.authorization.domain.ChannelForbidden;
import dev.tokenx.notifications.authorization.domain.InvalidSubscriptionRequest;
import dev.tokenx.security.FrameworkProblems;
import dev.tokenx.security.ProblemResponses;
import dev.tokenx.security.RequestIds;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;

/**
 * The one place errors become HTTP answers: each exception named for a broken rule maps to its status and {@code
 * code}; framework errors (unreadable JSON, wrong content type, unknown route, a body too large: the platform's {@link
 * FrameworkProblems}) get the same problem shape. Runs before
 * Boot's error handler, so no answer carries a stack trace or a Java class name.
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
        // A caller that went away (the gateway gave up, a client closed the connection) gets no answer, and the
        // framework logs it quietly; answering it would log a 500 with its stack trace, under overload many a second.
        if (exchange.getResponse().isCommitted() || DisconnectedClientHelper.isClientDisconnectedException(error)) {
            return Mono.error(error);
        }
        HttpHeaders headers = new HttpHeaders();
        ProblemDetail problem = toProblem(exchange, error, headers);
        return responses.write(exchange, problem, headers);
    }

    private ProblemDetail toProblem(ServerWebExchange exchange, Throwable error, HttpHeaders headers) {
        return switch (error) {
            case ChannelForbidden forbidden -> responses.problem(exchange, ErrorCode.FORBIDDEN, forbidden.getMessage());
            case InvalidSubscriptionRequest invalid ->
                validationFailed(exchange, new FieldViolation(invalid.field(), invalid.problem()));
            case InvalidRequest invalid -> validationFailed(exchange, invalid.violation());
            case ServerWebInputException unreadable
            when !FrameworkProblems.bodyTooLarge(unreadable) -> validationFailed(exchange, violationOf(unreadable));
            case AccessDeniedException denied ->
                responses.problem(exchange, ErrorCode.FORBIDDEN, "You may not do this.");
            default -> framework.of(exchange, error, headers).orElseGet(() -> internalError(exchange, error));
        };
    }

    private ProblemDetail validationFailed(ServerWebExchange exchange, FieldViolation violation) {
        ProblemDetail problem =
                responses.problem(exchange, ErrorCode.VALIDATION_FAILED, violation.field() + " " + violation.message());
        problem.setProperty("errors", List.of(violation));
        return problem;
    }

    /** Never echoes the parser's message, which may quote the input or name Java types. */
    private static FieldViolation violationOf(ServerWebInputException unreadable) {
        if (unreadable.getCause() instanceof DecodingException) {
            return new FieldViolation("body", "is not valid JSON");
        }
        return new FieldViolation("body", "is required");
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
