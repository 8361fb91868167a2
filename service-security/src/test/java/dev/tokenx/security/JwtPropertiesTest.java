package dev.tokenx.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class JwtPropertiesTest {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = VALIDATION.getValidator();

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    private static Set<String> problemsWith(JwtProperties properties) {
        return VALIDATOR.validate(properties).stream()
                .map(ConstraintViolation::getMessage)
                .collect(Collectors.toSet());
    }

    @Test
    void accepts_a_secret_of_at_least_32_bytes() {
        assertThat(problemsWith(new JwtProperties("x".repeat(32), null, "tokenx-local", "tokenx-api")))
                .isEmpty();
    }

    @Test
    void accepts_a_jwk_set_instead_of_a_secret() {
        assertThat(problemsWith(new JwtProperties("", "https://issuer.example/jwks", "issuer", "tokenx-api")))
                .isEmpty();
    }

    @Test
    void ignores_the_secret_when_a_jwk_set_is_configured() {
        assertThat(problemsWith(new JwtProperties("short", "https://issuer.example/jwks", "issuer", "tokenx-api")))
                .isEmpty();
    }

    @Test
    void refuses_a_short_secret() {
        assertThat(problemsWith(new JwtProperties("x".repeat(31), null, "tokenx-local", "tokenx-api")))
                .containsExactly("an HS256 secret must be at least 32 bytes long");
    }

    @Test
    void refuses_to_verify_with_nothing() {
        assertThat(problemsWith(new JwtProperties(" ", "", "tokenx-local", "tokenx-api")))
                .singleElement()
                .asString()
                .contains("TOKENX_JWT_SECRET")
                .contains("TOKENX_JWT_JWK_SET_URI");
    }

    @Test
    void needs_an_issuer_and_an_audience() {
        assertThat(VALIDATOR.validate(new JwtProperties("x".repeat(32), null, "", " ")).stream()
                        .map(violation -> violation.getPropertyPath().toString()))
                .containsExactlyInAnyOrder("issuer", "audience");
    }
}
