package dev.tokenx.orders.account.application;

import java.util.UUID;

/** The caller has a valid token but no account here, e.g. a user not yet onboarded. */
public final class AccountNotFound extends RuntimeException {

    public AccountNotFound(UUID userId) {
        super("No account for user " + userId + ".", null, false, false);
    }
}
