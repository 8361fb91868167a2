package dev.tokenx.gateway.auth.token.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BCryptPasswordVerifierTest {

    /** The hash of {@code alice-demo} in application.yml. */
    private static final String ALICE_HASH = "$2a$10$TW8lx5ZOhqQ8MYNZU/sRpuuoxrsZLC003bgU0CJw/u0g4g4QjYj6.";

    private final BCryptPasswordVerifier verifier = new BCryptPasswordVerifier();

    @Test
    void accepts_the_password_of_the_hash() {
        assertThat(verifier.matches("alice-demo", Optional.of(ALICE_HASH))).isTrue();
    }

    @Test
    void refuses_another_password() {
        assertThat(verifier.matches("alice-demo2", Optional.of(ALICE_HASH))).isFalse();
    }

    @Test
    void refuses_any_password_without_a_stored_hash() {
        assertThat(verifier.matches("alice-demo", Optional.empty())).isFalse();
        assertThat(verifier.matches("", Optional.empty())).isFalse();
    }
}
