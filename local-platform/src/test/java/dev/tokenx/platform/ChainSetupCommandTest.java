package dev.tokenx.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenx.contracts.AssetTokenContract;
import dev.tokenx.contracts.AssetTokenGasProvider;
import dev.tokenx.infra.AnvilChain;
import dev.tokenx.infra.FreePorts;
import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ReadonlyTransactionManager;

/** The compose job's chain set-up, against a real anvil chain. */
class ChainSetupCommandTest {

    private static AnvilChain anvil;
    private static Web3j web3j;

    @TempDir
    private Path directory;

    @BeforeAll
    static void startChain() {
        anvil = AnvilChain.start(FreePorts.pick(), 1, null);
        web3j = Web3j.build(new HttpService(anvil.rpcUrl()));
    }

    @AfterAll
    static void stopChain() {
        web3j.shutdown();
        anvil.close();
    }

    @Test
    void deploys_the_demo_tokens_with_their_roles_and_tells_blockchain_service_where_they_are() throws IOException {
        List<String> accounts = anvil.devAccounts();

        Map<String, String> contracts = ChainSetupCommand.run(environment());

        assertThat(contracts).containsOnlyKeys("BLRTECH", "MUMSEA");
        AssetTokenContract blrtech = token(contracts.get("BLRTECH"));
        assertThat(blrtech.symbol()).isEqualTo("BLRTECH");
        assertThat(blrtech.balanceOf(accounts.get(2))).isEqualTo(BigInteger.valueOf(1_000_000));
        assertThat(blrtech.isAgent(accounts.get(0))).as("settlement agent").isTrue();
        assertThat(blrtech.isAgent(accounts.get(3))).as("compliance agent").isTrue();
        assertThat(blrtech.isVerified(accounts.get(1))).as("alice's wallet").isTrue();
        assertThat(blrtech.isVerified(accounts.get(4)))
                .as("nobody asked for it")
                .isFalse();
        assertThat(tokenProperties())
                .containsEntry("blockchain.tokens.BLRTECH.contract-address", contracts.get("BLRTECH"))
                .containsEntry("blockchain.tokens.MUMSEA.contract-address", contracts.get("MUMSEA"))
                .hasSize(2);
    }

    @Test
    void a_second_run_keeps_the_contracts_it_deployed() {
        Map<String, String> first = ChainSetupCommand.run(environment());

        assertThat(ChainSetupCommand.run(environment())).isEqualTo(first);
    }

    @Test
    void names_the_variable_it_misses() {
        Map<String, String> withoutOwner = new HashMap<>(environment());
        withoutOwner.remove("CHAIN_OWNER_PRIVATE_KEY");

        assertThatThrownBy(() -> ChainSetupCommand.run(withoutOwner))
                .isInstanceOf(ChainSetupCommand.MissingVariable.class)
                .hasMessageContaining("CHAIN_OWNER_PRIVATE_KEY");
        assertThat(directory).isEmptyDirectory();
    }

    private Map<String, String> environment() {
        List<String> accounts = anvil.devAccounts();
        return Map.of(
                "CHAIN_RPC_URL", anvil.rpcUrl(),
                "CHAIN_OWNER_PRIVATE_KEY", anvil.devPrivateKey(0),
                "CHAIN_COMPLIANCE_AGENT_ADDRESS", accounts.get(3),
                "CHAIN_TREASURY_ADDRESS", accounts.get(2),
                "CHAIN_VERIFIED_ADDRESSES", " " + accounts.get(1) + " ,",
                "CHAIN_SETUP_DIR", directory.toString());
    }

    private AssetTokenContract token(String address) {
        return AssetTokenContract.load(
                address,
                web3j,
                new ReadonlyTransactionManager(web3j, anvil.devAccounts().get(1)),
                new AssetTokenGasProvider(BigInteger.ONE));
    }

    private Properties tokenProperties() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(directory.resolve(ChainSetupCommand.TOKENS_FILE))) {
            properties.load(reader);
        }
        return properties;
    }
}
