package dev.tokenx.blockchain.network;

import static org.assertj.core.api.Assertions.assertThat;

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
                        .hasMessageContaining("set BLOCKCHAIN_SIGNER_PRIVATE_KEY"));
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
        SignerProperties signer = new SignerProperties("0xsecret-key-material", TREASURY);

        assertThat(signer.toString()).doesNotContain("secret-key-material").contains(TREASURY);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SignerProperties.class)
    static class Signer {}
}
