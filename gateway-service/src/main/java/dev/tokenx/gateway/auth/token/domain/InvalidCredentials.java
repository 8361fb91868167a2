package dev.tokenx.gateway.auth.token.domain;

/** Unknown user or wrong password: deliberately one failure, so an answer never tells which usernames exist. */
public final class InvalidCredentials extends RuntimeException {

    public InvalidCredentials() {
        super("Invalid username or password");
    }
}
