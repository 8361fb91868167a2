package dev.tokenx.realtime.apps.domain;

/** The outcome of checking the {@code auth} field of a private-channel subscription. */
public enum SubscriptionAuth {
    AUTHORIZED,
    MISSING,
    MALFORMED,
    WRONG_KEY,
    WRONG_SIGNATURE
}
