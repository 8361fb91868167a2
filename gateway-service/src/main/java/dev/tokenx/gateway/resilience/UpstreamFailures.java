package dev.tokenx.gateway.resilience;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Which failures are the service's fault, and so count against its circuit breaker. The gateway's own refusals
 * on the way (such as the management-path guard's 404) and a full bulkhead say nothing about the service's health:
 * counting them would let any client open the breaker for everybody.
 */
final class UpstreamFailures {

    private UpstreamFailures() {}

    static boolean isUpstreamFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException || cause instanceof TimeoutException) {
                return true;
            }
            if (cause instanceof ResponseStatusException status
                    && status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
                return true;
            }
        }
        return false;
    }
}
