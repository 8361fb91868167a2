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

    /**
     * Who acts on chain for the platform.
     *
     * @param ownerPrivateKey deploys, owns and appoints; the settlement agent (blockchain-service signs with it)
     * @param complianceAgent appointed agent for whitelisting and freezing
     * @param treasury receives each token's supply
     * @param verifiedInvestors whitelisted from the start (the KYC-verified demo investors' wallets)
     */
    public record Accounts(
            String ownerPrivateKey, String complianceAgent, String treasury, List<String> verifiedInvestors) {

        public Accounts {
            verifiedInvestors = List.copyOf(verifiedInvestors);
        }
    }

    private ChainSetup() {}

    /** The local platform's chain: anvil's dev accounts in the roles the demo data expects. */
    static Deployments ensureDeployed(AnvilChain anvil, Path registry) {
        List<String> devAccounts = anvil.devAccounts();
        Accounts accounts = new Accounts(
                anvil.devPrivateKey(AGENT_ACCOUNT),
                devAccounts.get(COMPLIANCE_ACCOUNT),
                devAccounts.get(TREASURY_ACCOUNT),
                List.of(devAccounts.get(ALICE_ACCOUNT)));
        Web3j web3j = Web3j.build(new HttpService(anvil.rpcUrl()));
        try {
            return new Deployments(
                    accounts.ownerPrivateKey(),
                    anvil.devPrivateKey(COMPLIANCE_ACCOUNT),
                    accounts.treasury(),
                    ensureDeployed(web3j, anvil.chainId(), accounts, registry));
        } finally {
            web3j.shutdown();
        }
    }

    /**
     * Deploys each demo token that the registry does not know or the chain no longer has, and appoints the compliance
     * agent on those it keeps.
     *
     * @return the contract address of each demo token, by symbol
     */
    static Map<String, String> ensureDeployed(Web3j web3j, long chainId, Accounts accounts, Path registry) {
        Map<String, String> known = read(registry);
        Map<String, String> contracts = new LinkedHashMap<>();
        FastRawTransactionManager owner = ownerSigner(web3j, chainId, accounts);
        for (DemoToken token : DEMO_TOKENS) {
            String address = known.get(token.symbol());
            if (address == null || !hasCode(web3j, address)) {
                address = new AssetTokenDeployment(web3j, owner, new AssetTokenGasProvider(GAS_PRICE))
                        .deploy(spec(accounts, token))
                        .address();
            } else {
                appointComplianceAgent(web3j, owner, accounts, address);
            }
            contracts.put(token.symbol(), address);
        }
        write(registry, contracts);
        return contracts;
    }

    /** A data folder from before the compliance agent existed keeps its contracts: the owner appoints it there. */
    private static void appointComplianceAgent(
            Web3j web3j, FastRawTransactionManager owner, Accounts accounts, String address) {
        AssetTokenContract token = AssetTokenContract.load(address, web3j, owner, new AssetTokenGasProvider(GAS_PRICE));
        if (!token.isAgent(accounts.complianceAgent())) {
            token.addAgent(accounts.complianceAgent());
        }
    }

    private static FastRawTransactionManager ownerSigner(Web3j web3j, long chainId, Accounts accounts) {
        return new FastRawTransactionManager(
                web3j,
                Credentials.create(accounts.ownerPrivateKey()),
                chainId,
                new PollingTransactionReceiptProcessor(web3j, 200, 150));
    }

    private static TokenSpec spec(Accounts accounts, DemoToken token) {
        return new TokenSpec(
                token.name(),
                token.symbol(),
                accounts.treasury(),
                BigInteger.valueOf(token.supply()),
                List.of(accounts.complianceAgent()),
                accounts.verifiedInvestors());
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
