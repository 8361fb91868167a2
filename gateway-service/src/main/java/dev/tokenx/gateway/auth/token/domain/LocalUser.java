package dev.tokenx.gateway.auth.token.domain;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A user the local issuer may sign tokens for. Holds only a password hash, never the password. */
public record LocalUser(UUID id, String username, String passwordHash, List<String> roles) {

    public LocalUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        roles = List.copyOf(roles);
    }
}
