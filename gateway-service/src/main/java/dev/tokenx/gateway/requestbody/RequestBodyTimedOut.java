package dev.tokenx.gateway.requestbody;

import dev.tokenx.gateway.problem.Problems;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A body that did not arrive in time: the client's slowness, never the service's, so it is never routed. */
final class RequestBodyTimedOut extends ErrorResponseException {

    RequestBodyTimedOut(Duration readTimeout) {
        super(
                HttpStatus.REQUEST_TIMEOUT,
                Problems.of(
                        HttpStatus.REQUEST_TIMEOUT,
                        "REQUEST_TIMEOUT",
                        "The request body did not arrive within %d ms.".formatted(readTimeout.toMillis())),
                null);
        getHeaders().set(HttpHeaders.CONNECTION, "close");
    }
}
