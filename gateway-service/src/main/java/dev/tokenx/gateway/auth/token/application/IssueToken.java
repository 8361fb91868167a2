package dev.tokenx.gateway.auth.token.application;

import dev.tokenx.gateway.auth.token.domain.InvalidCredentials;
import dev.tokenx.gateway.auth.token.domain.LocalUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Exchanges a username and password for a signed access token. Blocking: password hashing is slow on purpose. */
public final class IssueToken {

    private final Map<String, LocalUser> usersByName;
    private final PasswordVerifier passwords;
    private final TokenMinter minter;
    private final Duration lifetime;
    private final Clock clock;

    public IssueToken(
            Collection<LocalUser> users,
            PasswordVerifier passwords,
            TokenMinter minter,
            Duration lifetime,
            Clock clock) {
        this.usersByName =
                users.stream().collect(Collectors.toUnmodifiableMap(LocalUser::username, Function.identity()));
        this.passwords = passwords;
        this.minter = minter;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public IssuedToken issue(String username, String password) {
        Optional<LocalUser> user = Optional.ofNullable(usersByName.get(username));
        // Verify even when the user is unknown, so both failures cost the same time and look the same.
        boolean passwordMatches = passwords.matches(password, user.map(LocalUser::passwordHash));
        LocalUser authenticated = user.filter(known -> passwordMatches).orElseThrow(InvalidCredentials::new);
        // JWT times are whole seconds; truncating keeps exp - iat exactly the configured lifetime.
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String token = minter.mint(authenticated, issuedAt, issuedAt.plus(lifetime));
        return new IssuedToken(token, lifetime);
    }
}
