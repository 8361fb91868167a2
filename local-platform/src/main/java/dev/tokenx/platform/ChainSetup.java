package dev.tokenx.platform;

import dev.tokenx.contracts.AssetTokenContract;
import dev.tokenx.contracts.AssetTokenDeployment;
import dev.tokenx.contracts.AssetTokenDeployment.TokenSpec;
import dev.tokenx.contracts.AssetTokenGasProvider;
import dev.tokenx.infra.AnvilChain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.FastRawTransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * Puts the demo tokens on the local chain: one {@code AssetToken} contract per listed token, the supply minted to
 * the treasury, the agents' roles, and the KYC-verified demo investors whitelisted. Deployments are remembered beside
 * the chain's state, and redone only when the chain no longer has their code.
 *
 * <p>Two agents, two keys: the blockchain service signs settlements as the deployer and allocates that account's
 * nonces from its own database, so compliance work (whitelisting, freezing) is signed by a second agent whose
 * transactions can never take a nonce the settlement signer counts on.
 */
public final class ChainSetup {

    /** The demo listings, matching order-service's demo catalog seed. */
    static final List<DemoToken> DEMO_TOKENS = List.of(
            new DemoToken("BLRTECH", "Bengaluru Tech Park", 1_000_000),
            new DemoToken("MUMSEA", "Mumbai Sea View Towers", 400_000));

    /** anvil dev account 0 deploys, owns and acts as the settlement agent. */
    static final int AGENT_ACCOUNT = 0;

    /** anvil dev account 3 is the compliance agent: whitelists and freezes investors' addresses. */
    static final int COMPLIANCE_ACCOUNT = 3;

    /** anvil dev account 1 is alice's wallet (order-service's demo seed); account 2 holds the unsold supply. */
    static final int ALICE_ACCOUNT = 1;

    static final int TREASURY_ACCOUNT = 2;

    private static final BigInteger GAS_PRICE = BigInteger.valueOf(2_000_000_000L);

    record DemoToken(String symbol, String name, long supply) {}

    /** Where each token lives on chain, and who signs and holds for the platform. */
    public record Deployments(
            String agentPrivateKey,
            String compliancePrivateKey,
            String treasuryAddress,
            Map<String, String> contractBySymbol) {}

    private ChainSetup() {}

    static Deployments ensureDeployed(AnvilChain anvil, Path registry) {
        Web3j web3j = Web3j.build(new HttpService(anvil.rpcUrl()));
        try {
            Map<String, String> known = read(registry);
            Map<String, String> contracts = new LinkedHashMap<>();
            AssetTokenDeployment deployment = null;
            for (DemoToken token : DEMO_TOKENS) {
                String address = known.get(token.symbol());
                if (address == null || !hasCode(web3j, address)) {
                    if (deployment == null) {
                        deployment = deployment(web3j, anvil);
                    }
                    address = deployment.deploy(spec(anvil, token)).address();
                } else {
                    appointComplianceAgent(web3j, anvil, address);
                }
                contracts.put(token.symbol(), address);
            }
            write(registry, contracts);
            return new Deployments(
                    anvil.devPrivateKey(AGENT_ACCOUNT),
                    anvil.devPrivateKey(COMPLIANCE_ACCOUNT),
                    anvil.devAccounts().get(TREASURY_ACCOUNT),
                    contracts);
        } finally {
            web3j.shutdown();
        }
    }

    private static AssetTokenDeployment deployment(Web3j web3j, AnvilChain anvil) {
        return new AssetTokenDeployment(web3j, ownerSigner(web3j, anvil), new AssetTokenGasProvider(GAS_PRICE));
    }

    /** A data folder from before the compliance agent existed keeps its contracts: the owner appoints it there. */
    private static void appointComplianceAgent(Web3j web3j, AnvilChain anvil, String address) {
        String compliance = anvil.devAccounts().get(COMPLIANCE_ACCOUNT);
        AssetTokenContract token = AssetTokenContract.load(
                address, web3j, ownerSigner(web3j, anvil), new AssetTokenGasProvider(GAS_PRICE));
        if (!token.isAgent(compliance)) {
            token.addAgent(compliance);
        }
    }

    private static FastRawTransactionManager ownerSigner(Web3j web3j, AnvilChain anvil) {
        return new FastRawTransactionManager(
                web3j,
                Credentials.create(anvil.devPrivateKey(AGENT_ACCOUNT)),
                anvil.chainId(),
                new PollingTransactionReceiptProcessor(web3j, 200, 150));
    }

    private static TokenSpec spec(AnvilChain anvil, DemoToken token) {
        List<String> accounts = anvil.devAccounts();
        return new TokenSpec(
                token.name(),
                token.symbol(),
                accounts.get(TREASURY_ACCOUNT),
                BigInteger.valueOf(token.supply()),
                List.of(accounts.get(COMPLIANCE_ACCOUNT)),
                List.of(accounts.get(TREASURY_ACCOUNT), accounts.get(ALICE_ACCOUNT)));
    }

    private static boolean hasCode(Web3j web3j, String address) {
        try {
            String code = web3j.ethGetCode(address, DefaultBlockParameterName.LATEST)
                    .send()
                    .getCode();
            return code != null && code.length() > 2;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the chain at " + address, e);
        }
    }

    private static Map<String, String> read(Path registry) {
        Map<String, String> contracts = new LinkedHashMap<>();
        if (Files.isRegularFile(registry)) {
            Properties properties = new Properties();
            try (var in = Files.newBufferedReader(registry)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + registry, e);
            }
            properties.stringPropertyNames().forEach(symbol -> contracts.put(symbol, properties.getProperty(symbol)));
        }
        return contracts;
    }

    private static void write(Path registry, Map<String, String> contracts) {
        Properties properties = new Properties();
        properties.putAll(contracts);
        try (var out = Files.newBufferedWriter(registry)) {
            properties.store(out, "AssetToken contract of each demo token on the local chain");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + registry, e);
        }
    }
}
