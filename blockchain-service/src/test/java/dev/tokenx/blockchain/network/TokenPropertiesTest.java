package dev.tokenx.blockchain.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Token contracts come from environment variables such as {@code BLOCKCHAIN_TOKENS_BLRTECH_CONTRACT_ADDRESS}. */
class TokenPropertiesTest {

    private static final String BLRTECH = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    private static final String MUMSEA = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";

    @Test
    void binds_each_tokens_contract_from_the_launchers_environment_variables() {
        TokenProperties tokens = bind(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of(
                        "BLOCKCHAIN_TOKENS_BLRTECH_CONTRACT_ADDRESS", BLRTECH,
                        "BLOCKCHAIN_TOKENS_MUMSEA_CONTRACT_ADDRESS", MUMSEA)));

        assertThat(tokens.tokens()).containsOnlyKeys("BLRTECH", "MUMSEA");
        assertThat(tokens.contractOf("BLRTECH")).contains(BLRTECH);
        assertThat(tokens.contractOf("mumsea")).contains(MUMSEA);
    }

    @Test
    void binds_to_no_token_at_all() {
        TokenProperties tokens = bind(new MapPropertySource("none", Map.of()));

        assertThat(tokens.tokens()).isEmpty();
        assertThat(tokens.contractOf("BLRTECH")).isEmpty();
    }

    @Test
    void refuses_one_symbol_configured_twice_in_different_cases() {
        assertThatThrownBy(() -> new TokenProperties(Map.of(
                        "blrtech", new TokenProperties.TokenContract(BLRTECH),
                        "BLRTECH", new TokenProperties.TokenContract(MUMSEA))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("configured twice");
    }

    private static TokenProperties bind(PropertySource<?> source) {
        return new Binder(ConfigurationPropertySources.from(source)).bindOrCreate("blockchain", TokenProperties.class);
    }
}
