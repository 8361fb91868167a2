package dev.tokenx.gateway.auth.token.crypto;

import dev.tokenx.gateway.auth.token.application.PasswordVerifier;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** BCrypt check with a decoy hash for unknown users, of the same cost as the configured hashes (10). */
public final class BCryptPasswordVerifier implements PasswordVerifier {

    private static final int COST = 10;

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(COST);
    private final String decoyHash = encoder.encode(UUID.randomUUID().toString());

    @Override
    public boolean matches(String rawPassword, Optional<String> storedHash) {
        boolean matches = encoder.matches(rawPassword, storedHash.orElse(decoyHash));
        return storedHash.isPresent() && matches;
    }
}
