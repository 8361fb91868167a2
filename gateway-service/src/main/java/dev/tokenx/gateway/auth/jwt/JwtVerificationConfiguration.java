package dev.tokenx.gateway.auth.jwt;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtGrantedAuthoritiesConverterAdapter;
import org.springframework.util.StringUtils;

/** The decoder and the claims-to-authorities mapping shared by every protected route of the edge. */
@Configuration(proxyBeanMethods = false)
public class JwtVerificationConfiguration {

    static final String ROLES_CLAIM = "roles";

    @Bean
    ReactiveJwtDecoder jwtDecoder(JwtProperties jwt) {
        NimbusReactiveJwtDecoder decoder = jwt.usesJwkSet()
                ? NimbusReactiveJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build()
                : NimbusReactiveJwtDecoder.withSecretKey(jwt.hmacKey())
                        .macAlgorithm(MacAlgorithm.HS256)
                        .build();
        decoder.setJwtValidator(validator(jwt));
        return decoder;
    }

    @Bean
    ReactiveJwtAuthenticationConverter jwtAuthenticationConverter() {
        return rolesAsAuthorities();
    }

    /** Maps the {@code roles} claim, for example {@code ["USER","ADMIN"]}, to {@code ROLE_USER, ROLE_ADMIN}. */
    static ReactiveJwtAuthenticationConverter rolesAsAuthorities() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(ROLES_CLAIM);
        roles.setAuthorityPrefix("ROLE_");
        ReactiveJwtAuthenticationConverter converter = new ReactiveJwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new ReactiveJwtGrantedAuthoritiesConverterAdapter(roles));
        converter.setPrincipalClaimName(JwtClaimNames.SUB);
        return converter;
    }

    /** Spelled out instead of {@code JwtValidators.createDefault…} so that a token without {@code exp} is refused. */
    static OAuth2TokenValidator<Jwt> validator(JwtProperties jwt) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(jwt.clockSkew());
        timestamps.setAllowEmptyExpiryClaim(false);
        return new DelegatingOAuth2TokenValidator<>(List.of(
                timestamps,
                new JwtIssuerValidator(jwt.issuer()),
                new JwtAudienceValidator(jwt.audience()),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, StringUtils::hasText)));
    }
}
