package dev.tokenx.orders.account.domain;

/** Where an investor stands in know-your-customer verification. Only {@link #VERIFIED} may trade. */
public enum KycStatus {
    NOT_SUBMITTED,
    PENDING,
    VERIFIED,
    REJECTED
}
