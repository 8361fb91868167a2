package dev.tokenx.orders.shared.web;

import dev.tokenx.security.ProblemCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/** The stable, machine-readable {@code code} of every problem this service answers with. */
public enum ErrorCode implements ProblemCode {
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    KYC_REQUIRED(HttpStatus.FORBIDDEN),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
    PRICE_ABOVE_LIMIT(HttpStatus.CONFLICT),
    PRICE_CHANGED(HttpStatus.CONFLICT),
    CONFLICT(HttpStatus.CONFLICT),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    UNKNOWN_TOKEN(HttpStatus.UNPROCESSABLE_ENTITY),
    SIDE_NOT_SUPPORTED(HttpStatus.UNPROCESSABLE_ENTITY),
    INSUFFICIENT_FUNDS(HttpStatus.UNPROCESSABLE_ENTITY),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_ENTITY),
    PRICE_MOVE_TOO_LARGE(HttpStatus.UNPROCESSABLE_ENTITY),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
    OVERLOADED(HttpStatus.SERVICE_UNAVAILABLE),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR);

    private final HttpStatus status;

    ErrorCode(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    /**
     * This code with another status, where the request decides it: a token an order names but that is not listed is
     * 422, a token the path names is a resource that is not there, 404.
     */
    public ProblemCode withStatus(HttpStatus other) {
        return new WithStatus(name(), other);
    }

    private record WithStatus(String name, HttpStatusCode status) implements ProblemCode {}

    /** The code for a bare HTTP status, when no rule of ours names the problem more precisely. */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> VALIDATION_FAILED;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status < 500 ? VALIDATION_FAILED : INTERNAL_ERROR;
        };
    }
}
