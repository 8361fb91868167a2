package dev.tokenx.blockchain.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** The service does not start without its signer, and says which variable is missing. */
class SignerPropertiesTest {

    private static final String TREASURY = "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f";

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Signer.class);

    @Test
    void refuses_to_start_without_the_agents_key() {
        context.withPropertyValues("blockchain.signer.treasury-address=" + TREASURY)
                .run(started -> assertThat(started)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("set exactly one of BLOCKCHAIN_SIGNER_PRIVATE_KEY")
                        .hasMessageContaining("BLOCKCHAIN_SIGNER_KEYSTORE_FILE"));
    }

    @Test
    void refuses_to_start_with_both_a_key_and_a_keystore() {
        context.withPropertyValues(
                        "blockchain.signer.treasury-address=" + TREASURY,
                        "blockchain.signer.private-key=0x01",
                        "blockchain.signer.keystore-file=/run/secrets/settlement.json",
                        "blockchain.signer.keystore-password=pw")
                .run(started -> assertThat(started)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("set exactly one of BLOCKCHAIN_SIGNER_PRIVATE_KEY"));
    }

    @Test
    void refuses_to_start_with_a_keystore_but_no_password() {
        context.withPropertyValues(
                        "blockchain.signer.treasury-address=" + TREASURY,
                        "blockchain.signer.keystore-file=/run/secrets/settlement.json")
                .run(started -> assertThat(started)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("set BLOCKCHAIN_SIGNER_KEYSTORE_PASSWORD"));
    }

    @Test
    void starts_with_a_keystore_and_its_password_alone() {
        context.withPropertyValues(
                        "blockchain.signer.treasury-address=" + TREASURY,
                        "blockchain.signer.keystore-file=/run/secrets/settlement.json",
                        "blockchain.signer.keystore-password=pw")
                .run(started -> assertThat(
                                started.getBean(SignerProperties.class).fromKeystore())
                        .isTrue());
    }

    @Test
    void refuses_to_start_without_the_treasury() {
        context.withPropertyValues("blockchain.signer.private-key=0x01")
                .run(started -> assertThat(started)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("set BLOCKCHAIN_TREASURY_ADDRESS"));
    }

    @Test
    void never_shows_the_key() {
        SignerProperties signer = SignerProperties.ofKey("0xsecret-key-material", TREASURY);

        assertThat(signer.toString()).doesNotContain("secret-key-material").contains(TREASURY);
    }

    @Test
    void never_shows_the_keystore_password() {
        SignerProperties signer =
                SignerProperties.ofKeystore(Path.of("/run/secrets/settlement.json"), "secret-password", TREASURY);

        assertThat(signer.toString()).doesNotContain("secret-password").contains("/run/secrets/settlement.json");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SignerProperties.class)
    static class Signer {}
}
