package dev.tokenx.security.token;

import java.util.List;

/** Token verification settings that would verify nothing, or verify wrongly: the process must not start with them. */
public final class InvalidTokenVerificationSettings extends IllegalArgumentException {

    private final List<String> problems;

    InvalidTokenVerificationSettings(List<String> problems) {
        super("Invalid token verification settings: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
