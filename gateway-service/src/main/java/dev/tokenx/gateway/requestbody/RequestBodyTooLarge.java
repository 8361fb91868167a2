package dev.tokenx.gateway.requestbody;

import dev.tokenx.gateway.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A body larger than its route accepts: refused before any of it is routed. */
final class RequestBodyTooLarge extends ErrorResponseException {

    RequestBodyTooLarge(int maxBytes) {
        super(
                HttpStatus.CONTENT_TOO_LARGE,
                Problems.of(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "PAYLOAD_TOO_LARGE",
                        "The request body is larger than the %d bytes this route accepts.".formatted(maxBytes)),
                null);
        // The rest of the body is not read: the connection cannot carry another request.
        getHeaders().set(HttpHeaders.CONNECTION, "close");
    }
}
