package dev.tokenx.gateway.auth.token.application;

import java.util.Optional;

/** Checks a password against a stored hash. */
public interface PasswordVerifier {

    /**
     * @param storedHash the user's hash, or empty for an unknown user; an implementation must then still spend the
     *     time of a real check and answer {@code false}, so that timing does not reveal which usernames exist
     */
    boolean matches(String rawPassword, Optional<String> storedHash);
}
