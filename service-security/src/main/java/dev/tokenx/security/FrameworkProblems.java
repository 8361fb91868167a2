package dev.tokenx.security;

import java.util.Optional;
import java.util.function.IntFunction;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * The problems the framework's own refusals become, the same in every service: an unknown route (404), a method the
 * route does not take (405, with {@code Allow}), an answer type it cannot give (406), a body type it does not read
 * (415, with {@code Accept-Post} / {@code Accept-Patch}), and a body larger than the codecs buffer (413; Spring raises
 * that as an unchecked {@link DataBufferLimitException}, which would otherwise become a 500). A service's exception
 * handler asks this first for what no rule of its own names, with its own codes ({@code ErrorCode::forStatus}).
 */
public final class FrameworkProblems {

    private final ProblemResponses responses;
    private final IntFunction<ProblemCode> codeForStatus;

    /** @param codeForStatus the service's code for a bare HTTP status (404 → NOT_FOUND, 413 → PAYLOAD_TOO_LARGE…) */
    public FrameworkProblems(ProblemResponses responses, IntFunction<ProblemCode> codeForStatus) {
        this.responses = responses;
        this.codeForStatus = codeForStatus;
    }

    /**
     * @param headers receives the headers the answer needs ({@code Allow}, {@code Accept-Post}…)
     * @return the problem, or empty when the error is not one of the framework's refusals
     */
    public Optional<ProblemDetail> of(ServerWebExchange exchange, Throwable error, HttpHeaders headers) {
        if (bodyTooLarge(error)) {
            return Optional.of(problem(
                    exchange, HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than this endpoint accepts."));
        }
        if (error instanceof UnsupportedMediaTypeStatusException unsupported) {
            headers.addAll(unsupported.getHeaders());
            return Optional.of(problem(
                    exchange,
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Send the request body as " + unsupported.getSupportedMediaTypes() + "."));
        }
        if (error instanceof ResponseStatusException status
                && status.getStatusCode().is4xxClientError()) {
            headers.addAll(status.getHeaders());
            return Optional.of(
                    problem(exchange, HttpStatus.valueOf(status.getStatusCode().value()), describe(status)));
        }
        return Optional.empty();
    }

    private ProblemDetail problem(ServerWebExchange exchange, HttpStatus status, String detail) {
        return responses.problem(exchange, codeForStatus.apply(status.value()), detail);
    }

    /** Never the exception's own reason: it may quote the input or name Java types. */
    private static String describe(ResponseStatusException status) {
        return switch (status.getStatusCode().value()) {
            case 400 -> "The request is malformed.";
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "This resource is only available as JSON.";
            default -> HttpStatus.valueOf(status.getStatusCode().value()).getReasonPhrase() + ".";
        };
    }

    /**
     * Whether the error comes from a body over the codecs' limit, however it is wrapped (a decoder's {@link
     * ServerWebInputException} included): a service that maps unreadable bodies itself leaves these to {@link #of}.
     */
    public static boolean bodyTooLarge(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataBufferLimitException) {
                return true;
            }
        }
        return false;
    }
}
