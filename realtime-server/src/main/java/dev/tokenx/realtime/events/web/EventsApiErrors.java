package dev.tokenx.realtime.events.web;

import dev.tokenx.realtime.events.application.AppDisabled;
import dev.tokenx.realtime.events.application.UnknownApp;
import dev.tokenx.realtime.events.domain.EventTooLarge;
import dev.tokenx.realtime.events.domain.InvalidEventRequest;
import dev.tokenx.realtime.events.domain.RequestNotAuthenticated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The statuses Pusher's HTTP API answers with (401 authentication, 403 disabled app, 404 unknown app, 400
 * invalid request, 413 data too large), each with the reason in an RFC 9457 problem detail carrying the
 * platform's error {@code code}. Pusher server libraries hand the body to their caller as the message.
 */
@RestControllerAdvice(assignableTypes = EventsController.class)
class EventsApiErrors {

    private static final Logger log = LoggerFactory.getLogger(EventsApiErrors.class);

    @ExceptionHandler
    ProblemDetail notAuthenticated(RequestNotAuthenticated e) {
        // A wrong secret or clock on the publishing side shows up here first.
        log.warn("Refused an HTTP API request: {}", e.getMessage());
        return problem(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail appDisabled(AppDisabled e) {
        return problem(HttpStatus.FORBIDDEN, "FORBIDDEN", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unknownApp(UnknownApp e) {
        return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidEventRequest e) {
        return problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail tooLarge(EventTooLarge e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "VALIDATION_FAILED", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }
}
