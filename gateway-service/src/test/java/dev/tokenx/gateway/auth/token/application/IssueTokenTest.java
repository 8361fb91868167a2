package dev.tokenx.gateway.auth.token.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenx.gateway.auth.token.domain.InvalidCredentials;
import dev.tokenx.gateway.auth.token.domain.LocalUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IssueTokenTest {

    private static final LocalUser ALICE = new LocalUser(
            UUID.fromString("a11ce000-0000-4000-8000-000000000001"), "alice", "hash-of-secret", List.of("USER"));
    private static final Instant NOW = Instant.parse("2026-01-15T10:15:30.750Z");

    private final RecordingVerifier passwords = new RecordingVerifier("secret");
    private final RecordingMinter minter = new RecordingMinter();
    private final IssueToken issueToken =
            new IssueToken(List.of(ALICE), passwords, minter, Duration.ofMinutes(30), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void mints_a_token_valid_for_the_configured_lifetime_from_the_current_second() {
        IssuedToken issued = issueToken.issue("alice", "secret");

        assertThat(issued.accessToken()).isEqualTo("token-for-alice");
        assertThat(issued.expiresIn()).isEqualTo(Duration.ofMinutes(30));
        assertThat(minter.user).isEqualTo(ALICE);
        assertThat(minter.issuedAt).isEqualTo(Instant.parse("2026-01-15T10:15:30Z"));
        assertThat(minter.expiresAt).isEqualTo(Instant.parse("2026-01-15T10:45:30Z"));
    }

    @Test
    void refuses_a_wrong_password() {
        assertThatThrownBy(() -> issueToken.issue("alice", "guess")).isInstanceOf(InvalidCredentials.class);
        assertThat(minter.user).isNull();
    }

    @Test
    void refuses_an_unknown_user_after_running_the_password_check_all_the_same() {
        assertThatThrownBy(() -> issueToken.issue("mallory", "secret")).isInstanceOf(InvalidCredentials.class);

        assertThat(passwords.checkedHashes).containsExactly(Optional.empty());
        assertThat(minter.user).isNull();
    }

    @Test
    void matches_usernames_exactly() {
        assertThatThrownBy(() -> issueToken.issue("Alice", "secret")).isInstanceOf(InvalidCredentials.class);
    }

    /** Accepts one password for the hash {@code hash-of-<password>}, and records what it was asked. */
    private static final class RecordingVerifier implements PasswordVerifier {

        private final String acceptedPassword;
        private final List<Optional<String>> checkedHashes = new ArrayList<>();

        private RecordingVerifier(String acceptedPassword) {
            this.acceptedPassword = acceptedPassword;
        }

        @Override
        public boolean matches(String rawPassword, Optional<String> storedHash) {
            checkedHashes.add(storedHash);
            return storedHash.isPresent()
                    && rawPassword.equals(acceptedPassword)
                    && storedHash.get().equals("hash-of-" + rawPassword);
        }
    }

    private static final class RecordingMinter implements TokenMinter {

        private LocalUser user;
        private Instant issuedAt;
        private Instant expiresAt;

        @Override
        public String mint(LocalUser user, Instant issuedAt, Instant expiresAt) {
            this.user = user;
            this.issuedAt = issuedAt;
            this.expiresAt = expiresAt;
            return "token-for-" + user.username();
        }
    }
}
