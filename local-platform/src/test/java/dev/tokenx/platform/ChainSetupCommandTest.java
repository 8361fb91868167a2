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
import java.nio.charset.StandardCharsets;
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
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

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
        assertThat(blrtech.owner()).isEqualTo(accounts.get(0));
        assertThat(blrtech.isSettlementAgent(accounts.get(4)))
                .as("settlement agent")
                .isTrue();
        assertThat(blrtech.isComplianceAgent(accounts.get(4)))
                .as("settlement agent")
                .isFalse();
        assertThat(blrtech.isComplianceAgent(accounts.get(3)))
                .as("compliance agent")
                .isTrue();
        assertThat(blrtech.isSettlementAgent(accounts.get(3)))
                .as("compliance agent")
                .isFalse();
        assertThat(blrtech.isSettlementAgent(accounts.get(0))).as("the owner").isFalse();
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
    void replaces_a_registered_contract_from_before_the_split_of_roles() throws IOException {
        Map<String, String> first = ChainSetupCommand.run(environment());
        Properties registry = new Properties();
        registry.setProperty("BLRTECH", olderShapedContract());
        registry.setProperty("MUMSEA", first.get("MUMSEA"));
        try (var out = Files.newBufferedWriter(directory.resolve(ChainSetupCommand.REGISTRY_FILE))) {
            registry.store(out, null);
        }

        Map<String, String> second = ChainSetupCommand.run(environment());

        assertThat(second.get("MUMSEA")).as("a current contract is kept").isEqualTo(first.get("MUMSEA"));
        assertThat(second.get("BLRTECH")).isNotEqualTo(registry.getProperty("BLRTECH"));
        assertThat(token(second.get("BLRTECH"))
                        .isSettlementAgent(anvil.devAccounts().get(4)))
                .isTrue();
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
                "CHAIN_SETTLEMENT_AGENT_ADDRESS", accounts.get(4),
                "CHAIN_COMPLIANCE_AGENT_PRIVATE_KEY", anvil.devPrivateKey(3),
                "CHAIN_TREASURY_ADDRESS", accounts.get(2),
                "CHAIN_VERIFIED_ADDRESSES", " " + accounts.get(1) + " ,",
                "CHAIN_SETUP_DIR", directory.toString());
    }

    /**
     * The AssetToken of a data folder from before the split of roles (its single agent role could mint, pause and
     * settle): its bytecode as committed then, deployed by dev account 5.
     */
    private static String olderShapedContract() throws IOException {
        String binary;
        try (var in = ChainSetupCommandTest.class.getResourceAsStream("AssetToken-before-roles.bin")) {
            binary = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        }
        String data = "0x" + binary
                + FunctionEncoder.encodeConstructor(
                        List.of(new Utf8String("Bengaluru Tech Park"), new Utf8String("BLRTECH")));
        EthSendTransaction sent = new RawTransactionManager(
                        web3j, Credentials.create(anvil.devPrivateKey(5)), anvil.chainId())
                .sendTransaction(
                        BigInteger.valueOf(2_000_000_000L), BigInteger.valueOf(3_000_000), null, data, BigInteger.ZERO);
        try {
            TransactionReceipt receipt = new PollingTransactionReceiptProcessor(web3j, 200, 60)
                    .waitForTransactionReceipt(sent.getTransactionHash());
            assertThat(receipt.isStatusOK())
                    .as("deploying the older AssetToken")
                    .isTrue();
            return receipt.getContractAddress();
        } catch (TransactionException e) {
            throw new AssertionError(e);
        }
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
