package dev.tokenx.security.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Verifies bearer tokens with the {@link TokenRule} and remembers each verified one until its {@code exp}: a token
 * seen before and not yet expired is neither parsed nor checked again, and its authorities are not mapped again.
 *
 * <p>Why that is safe: the key is the whole token string, so a token with any byte changed (payload, header or
 * signature) is another key and is verified from scratch; only successful verifications are kept, each until its
 * own {@code exp} measured on the same {@link Clock} the rule uses, so an expired token is never answered from the
 * cache (past {@code exp} it is verified again, and refused once the clock skew has passed too); a token without
 * {@code exp} is refused by the rule and never reaches the cache. What it gives up: a JWK set key that the issuer
 * withdraws keeps the tokens it signed valid here until they expire, as any verifier that does not call the issuer
 * per request would. Bounded by {@code cacheMaximumSize} entries (least valuable evicted first).
 *
 * <p>A {@link ReactiveAuthenticationManager} for Spring Security's resource server: a refused token is an {@link
 * InvalidBearerTokenException} (401); a failure to reach the JWK set an {@link AuthenticationServiceException}.
 */
public final class TokenVerifier implements ReactiveAuthenticationManager {

    private static final String ROLE_PREFIX = "ROLE_";

    private final ReactiveJwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Verified> verified;

    TokenVerifier(ReactiveJwtDecoder decoder, int cacheMaximumSize, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(cacheMaximumSize)
                .expireAfter(Expiry.<String, Verified>creating((token, entry) -> entry.lifetimeFrom(clock.instant())))
                .ticker(ticking(clock))
                // Eviction bookkeeping is a few pointer moves: do it on the caller's thread, not the common pool's.
                .executor(Runnable::run)
                .build();
    }

    public static TokenVerifier of(TokenVerificationSettings settings, Clock clock) {
        return new TokenVerifier(TokenRule.decoderFor(settings, clock), settings.cacheMaximumSize(), clock);
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
            return Mono.empty();
        }
        return verify(bearer.getToken()).cast(Authentication.class);
    }

    /** The caller of a request, from its bearer token: its {@code sub} as the name, its roles as authorities. */
    public Mono<JwtAuthenticationToken> verify(String token) {
        Verified known = verified.getIfPresent(token);
        if (known != null) {
            return Mono.just(known.authentication());
        }
        return decoder.decode(token)
                .map(this::remember)
                .map(Verified::authentication)
                .onErrorMap(JwtException.class, TokenVerifier::asAuthenticationFailure);
    }

    private Verified remember(Jwt jwt) {
        Verified entry = new Verified(jwt, authoritiesOf(jwt));
        if (entry.lifetimeFrom(clock.instant()).isPositive()) {
            verified.put(jwt.getTokenValue(), entry);
        }
        return entry;
    }

    /**
     * The rule has checked that {@code roles} is absent, null or a list of names. Read as it is: Spring Security's
     * {@code getClaimAsStringList} throws a NullPointerException (a 500) for a {@code roles} claim that is present
     * with the value null.
     */
    private static List<GrantedAuthority> authoritiesOf(Jwt jwt) {
        if (!(jwt.getClaims().get(TokenRule.ROLES_CLAIM) instanceof List<?> roles)) {
            return List.of();
        }
        return roles.stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(ROLE_PREFIX + role))
                .toList();
    }

    private static Exception asAuthenticationFailure(JwtException failure) {
        if (failure instanceof BadJwtException) {
            return new InvalidBearerTokenException(failure.getMessage(), failure);
        }
        return new AuthenticationServiceException(failure.getMessage(), failure);
    }

    private static Ticker ticking(Clock clock) {
        return () -> {
            Instant now = clock.instant();
            return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
        };
    }

    /**
     * What a verification established. A new {@link JwtAuthenticationToken} is handed out per request, as Spring
     * Security's tokens are mutable; building one from these parts costs a list copy.
     */
    private record Verified(Jwt jwt, Collection<GrantedAuthority> authorities) {

        JwtAuthenticationToken authentication() {
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        }

        /** Zero or negative once {@code exp} has come: such a token is not kept. */
        Duration lifetimeFrom(Instant now) {
            return Duration.between(now, jwt.getExpiresAt());
        }
    }
}
