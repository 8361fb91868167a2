package dev.tokenx.gateway.problem;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problems carrying the platform's machine-readable {@code code} property. */
public final class Problems {

    public static final String CODE = "code";
    public static final String REQUEST_ID = "requestId";

    private static final Map<HttpStatus, String> CODES_BY_STATUS = Map.ofEntries(
            Map.entry(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"),
            Map.entry(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED"),
            Map.entry(HttpStatus.FORBIDDEN, "FORBIDDEN"),
            Map.entry(HttpStatus.NOT_FOUND, "NOT_FOUND"),
            Map.entry(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED"),
            Map.entry(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE"),
            Map.entry(HttpStatus.CONTENT_TOO_LARGE, "CONTENT_TOO_LARGE"),
            Map.entry(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE"),
            Map.entry(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED"),
            Map.entry(HttpStatus.BAD_GATEWAY, "SERVICE_UNAVAILABLE"),
            Map.entry(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE"),
            Map.entry(HttpStatus.GATEWAY_TIMEOUT, "UPSTREAM_TIMEOUT"));

    private Problems() {}

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty(CODE, code);
        return problem;
    }

    public static ProblemDetail of(HttpStatusCode status, String detail) {
        return of(status, codeFor(status), detail);
    }

    /** The code for an answer whose cause named none: derived from the status alone. */
    public static String codeFor(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known != null && CODES_BY_STATUS.containsKey(known)) {
            return CODES_BY_STATUS.get(known);
        }
        return status.is5xxServerError() ? "INTERNAL_ERROR" : "BAD_REQUEST";
    }
}
