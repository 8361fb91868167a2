package dev.tokenx.security.token;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The platform's rule for a bearer token, written once: signed with HS256 and the shared secret, or with the JWK
 * set's keys and its one pinned asymmetric algorithm (any other {@code alg}, {@code none} included, is refused);
 * the header's {@code typ}, when present, names a JWT or an access token; {@code exp} required and not passed,
 * {@code nbf} not ahead, both within one clock skew; the issuer; the audience; {@code sub} a UUID (the user id);
 * {@code roles}, when present, a list of role names.
 */
final class TokenRule {

    static final String ROLES_CLAIM = "roles";

    /**
     * A plain JWT ({@code JWT}, RFC 7519) or an OAuth 2.0 access token ({@code at+jwt}, RFC 9068, which also names it
     * with its full media type); absent is allowed, as RFC 9068 issuers and the local issuer may omit it. Any other
     * type (an ID token's, a logout token's, {@code JOSE}...) is a token meant for something else: refused.
     */
    static final List<String> ACCEPTED_TYPES = List.of("JWT", "at+jwt", "application/at+jwt");

    private TokenRule() {}

    static ReactiveJwtDecoder decoderFor(TokenVerificationSettings settings, Clock clock) {
        NimbusReactiveJwtDecoder decoder = settings.usesJwkSet()
                ? NimbusReactiveJwtDecoder.withJwkSetUri(settings.jwkSetUri())
                        .jwsAlgorithm(settings.jwkSetSignatureAlgorithm())
                        .build()
                : NimbusReactiveJwtDecoder.withSecretKey(settings.hmacKey())
                        .macAlgorithm(MacAlgorithm.HS256)
                        .build();
        decoder.setClaimSetConverter(claimsKeepingTheIssuerAsIs());
        decoder.setJwtValidator(validator(settings, clock));
        return decoder;
    }

    /**
     * Spring Security's default claim conversion tries to read {@code iss} as a URL first and throws and catches an
     * exception for every token whose issuer is not one ({@code tokenx-local}); the issuer is only ever compared as
     * a string here, so it is kept as it came.
     */
    private static Converter<Map<String, Object>, Map<String, Object>> claimsKeepingTheIssuerAsIs() {
        return MappedJwtClaimSetConverter.withDefaults(Map.of(JwtClaimNames.ISS, issuer -> issuer));
    }

    static OAuth2TokenValidator<Jwt> validator(TokenVerificationSettings settings, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(settings.clockSkew());
        timestamps.setAllowEmptyExpiryClaim(false);
        timestamps.setClock(clock);
        JwtTypeValidator types = new JwtTypeValidator(ACCEPTED_TYPES);
        types.setAllowEmpty(true);
        return new DelegatingOAuth2TokenValidator<>(List.of(
                types,
                timestamps,
                new JwtIssuerValidator(settings.issuer()),
                new JwtAudienceValidator(settings.audience()),
                new JwtClaimValidator<Object>(JwtClaimNames.SUB, TokenRule::isUuid),
                new JwtClaimValidator<Object>(ROLES_CLAIM, TokenRule::isAbsentOrAListOfNames)));
    }

    /** The canonical lower-case form only, as the services store user ids and the limiter counts them. */
    static boolean isUuid(Object subject) {
        if (!(subject instanceof String text) || text.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(text).toString().equals(text);
        } catch (IllegalArgumentException notAUuid) {
            return false;
        }
    }

    /** A string, a number or a nested list where a list of names belongs is a malformed token (401), never a 500. */
    static boolean isAbsentOrAListOfNames(Object roles) {
        if (roles == null) {
            return true;
        }
        return roles instanceof List<?> names
                && names.stream().allMatch(name -> name instanceof String text && !text.isBlank());
    }
}
