package dev.tokenx.gateway.auth.token;

import dev.tokenx.gateway.auth.token.domain.LocalUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The local token issuer: development and demo only. It signs with the shared HMAC secret, so it must stay
 * disabled wherever tokens come from a real identity provider.
 *
 * @param enabled whether {@code POST /api/auth/token} exists
 * @param tokenLifetime how long an issued token is valid
 * @param users who may log in; passwords only as BCrypt hashes
 */
@Validated
@ConfigurationProperties("gateway.auth.local-issuer")
public record LocalIssuerProperties(
        @DefaultValue("false") boolean enabled,

        @NotNull @DurationMin(minutes = 1) @DurationMax(hours = 24) @DefaultValue("1h")
        Duration tokenLifetime,

        @NotNull @Valid @DefaultValue List<User> users) {

    /**
     * @param roles role names without the {@code ROLE_} prefix, for example {@code USER}, {@code ADMIN}
     */
    public record User(
            @NotBlank String username,
            @NotNull UUID userId,

            @NotBlank @Pattern(regexp = "^\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}$", message = "must be a BCrypt hash")
            String passwordHash,

            @NotEmpty List<@NotBlank String> roles) {

        LocalUser toLocalUser() {
            return new LocalUser(userId, username, passwordHash, roles);
        }
    }

    @AssertTrue(message = "an enabled local issuer needs at least one user")
    public boolean isUsableWhenEnabled() {
        return !enabled || !users.isEmpty();
    }

    @AssertTrue(message = "usernames must be unique")
    public boolean isUsernamesUnique() {
        return users.stream().map(User::username).distinct().count() == users.size();
    }

    List<LocalUser> localUsers() {
        return users.stream().map(User::toLocalUser).toList();
    }
}
