package dev.tokenx.gateway.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class RolesAsAuthoritiesTest {

    @Test
    void maps_each_role_to_a_role_authority_and_names_the_principal_by_the_user_id() {
        var authentication = JwtVerificationConfiguration.rolesAsAuthorities()
                .convert(jwtWithRoles(List.of("USER", "ADMIN")))
                .block();

        assertThat(authentication).isNotNull();
        assertThat(authentication.getName()).isEqualTo("a11ce000-0000-4000-8000-000000000001");
        assertThat(authentication.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_USER", "ROLE_ADMIN");
    }

    @Test
    void grants_nothing_to_a_token_without_roles() {
        var authentication = JwtVerificationConfiguration.rolesAsAuthorities()
                .convert(jwtWithRoles(null))
                .block();

        assertThat(authentication).isNotNull();
        assertThat(authentication.getAuthorities()).isEmpty();
    }

    private static Jwt jwtWithRoles(List<String> roles) {
        Jwt.Builder jwt = Jwt.withTokenValue("token")
                .header("alg", "HS256")
                .subject("a11ce000-0000-4000-8000-000000000001")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
        if (roles != null) {
            jwt.claim("roles", roles);
        }
        return jwt.build();
    }
}
