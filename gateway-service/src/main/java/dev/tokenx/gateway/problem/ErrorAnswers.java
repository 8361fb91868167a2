package dev.tokenx.gateway.problem;

import dev.tokenx.gateway.problem.ErrorAnswer.Severity;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebInputException;

/** Maps any failure that reaches the edge to the problem the client gets. One place, no per-controller handling. */
final class ErrorAnswers {

    private ErrorAnswers() {}

    static ErrorAnswer forFailure(Throwable failure) {
        return upstreamUnreachable(failure)
                .or(() -> asErrorResponse(failure))
                .orElseGet(() -> new ErrorAnswer(
                        Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred."),
                        HttpHeaders.EMPTY,
                        Severity.UNEXPECTED));
    }

    private static Optional<ErrorAnswer> upstreamUnreachable(Throwable failure) {
        if (causedBy(failure, ConnectException.class) || causedBy(failure, UnknownHostException.class)) {
            return Optional.of(upstream(HttpStatus.SERVICE_UNAVAILABLE, "The upstream service is unavailable."));
        }
        // Any other I/O failure that escapes to here broke an upstream exchange mid-way (for example the
        // upstream closed the connection before answering): a bad gateway, as the client's own answer never started.
        if (causedBy(failure, IOException.class) && !(failure instanceof ErrorResponse)) {
            return Optional.of(upstream(HttpStatus.BAD_GATEWAY, "The upstream service failed to answer."));
        }
        return Optional.empty();
    }

    private static Optional<ErrorAnswer> asErrorResponse(Throwable failure) {
        if (!(failure instanceof ErrorResponse errorResponse)) {
            return Optional.empty();
        }
        HttpStatusCode status = errorResponse.getStatusCode();
        ProblemDetail problem = switch (failure) {
            case WebExchangeBindException invalid -> invalidFields(invalid);
            case ServerWebInputException unreadable ->
                Problems.of(status, "The request could not be read: " + unreadable.getReason());
            default -> withCode(errorResponse.getBody(), status);
        };
        if (status.value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
            problem.setDetail("The upstream service did not answer in time.");
        }
        return Optional.of(new ErrorAnswer(problem, errorResponse.getHeaders(), severityOf(status)));
    }

    private static Severity severityOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 502, 503, 504 -> Severity.UPSTREAM;
            default -> status.is5xxServerError() ? Severity.UNEXPECTED : Severity.CLIENT;
        };
    }

    private static ProblemDetail invalidFields(WebExchangeBindException invalid) {
        ProblemDetail problem = Problems.of(invalid.getStatusCode(), "The request has invalid fields.");
        List<Map<String, String>> errors = invalid.getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ProblemDetail withCode(ProblemDetail problem, HttpStatusCode status) {
        Map<String, Object> properties = problem.getProperties();
        if (properties == null || !properties.containsKey(Problems.CODE)) {
            problem.setProperty(Problems.CODE, Problems.codeFor(status));
        }
        return problem;
    }

    private static ErrorAnswer upstream(HttpStatus status, String detail) {
        return new ErrorAnswer(Problems.of(status, detail), HttpHeaders.EMPTY, Severity.UPSTREAM);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
