package dev.tokenx.gateway.ratelimit.application;

/** The shared request log could not answer in time; the route's outage mode decides what happens. */
public final class RateLimitUnavailable extends RuntimeException {

    public RateLimitUnavailable(Throwable cause) {
        super("The rate limit counters are unreachable: " + cause.getMessage(), cause);
    }
}
