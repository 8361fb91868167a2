package dev.tokenx.gateway.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;

/**
 * What the gateway answers for a failure: the problem body, headers the status calls for (such as
 * {@code Allow} on a 405), and whether the failure is the gateway's own fault and needs its stack trace logged.
 */
record ErrorAnswer(ProblemDetail problem, HttpHeaders headers, Severity severity) {

    enum Severity {
        /** The client asked for something wrong: nothing to investigate on our side. */
        CLIENT,
        /** An upstream service is down or slow: worth a warning, not a stack trace. */
        UPSTREAM,
        /** A defect or an unforeseen failure in the gateway itself. */
        UNEXPECTED
    }
}
