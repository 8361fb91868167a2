package dev.tokenx.orders.shared.web;

import dev.tokenx.orders.admission.application.Overloaded;
import dev.tokenx.orders.catalog.application.TokenNotFound;
import dev.tokenx.orders.catalog.domain.PriceMoveTooLarge;
import dev.tokenx.orders.ledger.domain.InsufficientFunds;
import dev.tokenx.orders.order.application.IdempotencyKey;
import dev.tokenx.orders.order.application.IdempotencyKeyReused;
import dev.tokenx.orders.order.application.InvalidIdempotencyKey;
import dev.tokenx.orders.order.application.OrderNotFound;
import dev.tokenx.orders.order.application.PriceKeptChanging;
import dev.tokenx.orders.order.domain.KycRequired;
import dev.tokenx.orders.order.domain.PriceAboveLimit;
import dev.tokenx.orders.order.domain.SideNotSupported;
import dev.tokenx.orders.order.domain.UnknownToken;
import dev.tokenx.orders.shared.persistence.DatabaseFailures;
import dev.tokenx.security.FrameworkProblems;
import dev.tokenx.security.ProblemResponses;
import dev.tokenx.security.RequestIds;
import dev.tokenx.security.WithRequestId;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * The one place errors become HTTP answers: each exception named for a broken rule maps to its status and
 * {@code code}; framework errors (bad JSON; wrong content type, unknown route, a body too large: the platform's {@link
 * FrameworkProblems}) get the same problem shape. Runs
 * before Boot's error handler, so no answer carries a stack trace or a Java class name.
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
            case KycRequired rejected -> problem(exchange, ErrorCode.KYC_REQUIRED, rejected);
            case UnknownToken rejected -> problem(exchange, ErrorCode.UNKNOWN_TOKEN, rejected);
            case SideNotSupported rejected -> problem(exchange, ErrorCode.SIDE_NOT_SUPPORTED, rejected);
            case PriceAboveLimit rejected -> problem(exchange, ErrorCode.PRICE_ABOVE_LIMIT, rejected);
            case InsufficientFunds rejected -> problem(exchange, ErrorCode.INSUFFICIENT_FUNDS, rejected);
            case IdempotencyKeyReused rejected -> problem(exchange, ErrorCode.IDEMPOTENCY_KEY_REUSED, rejected);
            case PriceKeptChanging changing -> problem(exchange, ErrorCode.PRICE_CHANGED, changing);
            case OrderNotFound notFound -> problem(exchange, ErrorCode.NOT_FOUND, notFound);
            case TokenNotFound notFound ->
                responses.problem(
                        exchange, ErrorCode.UNKNOWN_TOKEN.withStatus(HttpStatus.NOT_FOUND), notFound.getMessage());
            case PriceMoveTooLarge tooLarge -> priceMoveTooLarge(exchange, tooLarge);
            case Overloaded overloaded -> {
                headers.set(HttpHeaders.RETRY_AFTER, retryAfterSeconds(overloaded));
                yield problem(exchange, ErrorCode.OVERLOADED, overloaded);
            }
            case InvalidIdempotencyKey invalid ->
                validationFailed(exchange, List.of(new FieldViolation(IdempotencyKey.HEADER, invalid.getMessage())));
            case InvalidRequest invalid -> validationFailed(exchange, invalid.violations());
            case WebExchangeBindException invalid -> validationFailed(exchange, violationsOf(invalid));
            case MissingRequestValueException missing ->
                validationFailed(exchange, List.of(new FieldViolation(missing.getName(), "is required")));
            case ServerWebInputException unreadable
            when !FrameworkProblems.bodyTooLarge(unreadable) -> validationFailed(exchange, violationsOf(unreadable));
            case AccessDeniedException denied ->
                responses.problem(exchange, ErrorCode.FORBIDDEN, "You may not do this.");
            default ->
                framework
                        .of(exchange, error, headers)
                        .orElseGet(() -> DatabaseFailures.isUnreachable(error)
                                ? serviceUnavailable(exchange, error)
                                : internalError(exchange, error));
        };
    }

    private ProblemDetail priceMoveTooLarge(ServerWebExchange exchange, PriceMoveTooLarge tooLarge) {
        ProblemDetail problem = problem(exchange, ErrorCode.PRICE_MOVE_TOO_LARGE, tooLarge);
        problem.setProperty("currentPrice", tooLarge.currentPrice().toString());
        problem.setProperty("maxMove", tooLarge.maxMove().toPlainString());
        problem.setProperty("lowestPrice", tooLarge.lowestPrice().toString());
        problem.setProperty("highestPrice", tooLarge.highestPrice().toString());
        return problem;
    }

    /** Whole seconds, at least one (RFC 9110 delay-seconds). */
    private static String retryAfterSeconds(Overloaded overloaded) {
        return Long.toString(Math.max(1, (overloaded.retryAfter().toMillis() + 999) / 1000));
    }

    private ProblemDetail problem(ServerWebExchange exchange, ErrorCode code, RuntimeException rejection) {
        return responses.problem(exchange, code, rejection.getMessage());
    }

    private ProblemDetail validationFailed(ServerWebExchange exchange, List<FieldViolation> violations) {
        ProblemDetail problem = responses.problem(
                exchange,
                ErrorCode.VALIDATION_FAILED,
                violations.stream()
                        .map(violation -> violation.field() + " " + violation.message())
                        .collect(Collectors.joining("; ")));
        problem.setProperty("errors", violations);
        return problem;
    }

    private static List<FieldViolation> violationsOf(WebExchangeBindException invalid) {
        return invalid.getAllErrors().stream()
                .map(error -> error instanceof FieldError field
                        ? new FieldViolation(field.getField(), field.getDefaultMessage())
                        : new FieldViolation(error.getObjectName(), error.getDefaultMessage()))
                .toList();
    }

    /** Names the offending JSON property when there is one; never echoes the parser's message. */
    private static List<FieldViolation> violationsOf(ServerWebInputException unreadable) {
        if (unreadable.getCause() instanceof DecodingException decoding
                && decoding.getCause() instanceof JacksonException json
                && !json.getPath().isEmpty()) {
            return List.of(new FieldViolation(jsonPath(json), "is not a valid value"));
        }
        if (unreadable.getCause() instanceof DecodingException) {
            return List.of(new FieldViolation("body", "is not valid JSON"));
        }
        MethodParameter parameter = unreadable.getMethodParameter();
        if (parameter != null && parameter.hasParameterAnnotation(RequestBody.class)) {
            return List.of(new FieldViolation("body", "is required"));
        }
        if (parameter != null && parameter.getParameterName() != null) {
            return List.of(new FieldViolation(parameter.getParameterName(), "is not a valid value"));
        }
        return List.of(new FieldViolation("request", "is malformed"));
    }

    private static String jsonPath(JacksonException json) {
        return json.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private ProblemDetail serviceUnavailable(ServerWebExchange exchange, Throwable error) {
        WithRequestId.log(
                RequestIds.of(exchange),
                () -> log.warn(
                        "Database unavailable for {}: {}", exchange.getRequest().getPath(), error.toString()));
        return responses.problem(
                exchange, ErrorCode.SERVICE_UNAVAILABLE, "The service is temporarily unavailable; try again.");
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
