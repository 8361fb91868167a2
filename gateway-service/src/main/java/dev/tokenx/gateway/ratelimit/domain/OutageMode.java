package dev.tokenx.gateway.ratelimit.domain;

/** What a route does while the shared counters cannot be reached. */
public enum OutageMode {
    /** Serve without limits: availability first, for reads that hurt nobody when a client goes over. */
    FAIL_OPEN,
    /**
     * Count in this instance alone ({@code gateway.rate-limit.local-fraction} of the limits): for trading, which must
     * stay open but never unlimited. Costs nothing while Redis answers.
     */
    LOCAL_LIMIT,
    /** Refuse with 503: for logins, payments and administration, an unlimited window is an attack window. */
    FAIL_CLOSED
}
