package dev.tokenx.security;

import org.springframework.http.HttpStatusCode;

/** A stable, machine-readable problem {@code code} and its HTTP status; each service's codes are an enum of these. */
public interface ProblemCode {

    /** The {@code code} field, e.g. {@code KYC_REQUIRED}. */
    String name();

    HttpStatusCode status();
}
