package dev.tokenx.gateway.ratelimit.domain;

/** What a route does while the shared counters cannot be reached. */
public enum OutageMode {
    /** Serve without limits: availability first, for reads that hurt nobody when a client goes over. */
    FAIL_OPEN,
    /** Refuse with 503: for logins, payments and administration, an unlimited window is an attack window. */
    FAIL_CLOSED
}
