package dev.tokenx.platform;

import dev.tokenx.contracts.AssetTokenContract;
import dev.tokenx.contracts.AssetTokenDeployment;
import dev.tokenx.contracts.AssetTokenDeployment.TokenSpec;
import dev.tokenx.contracts.AssetTokenException;
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
import java.util.Optional;
import java.util.Properties;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.FastRawTransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * Puts the demo tokens on the local chain: one {@code AssetToken} contract per listed token, the supply minted to
 * the treasury, the agents appointed, and the KYC-verified demo investors whitelisted. Deployments are remembered beside
 * the chain's state, and redone when the chain no longer has their code or has them in an older shape.
 *
 * <p>Three keys, three roles, as the contract enforces them: the owner (deploys, appoints agents, mints; used here
 * only, no running service holds it), the settlement agent (the only key blockchain-service gets: it can force
 * transfers and nothing else; the service allocates that account's nonces from its own database) and the compliance
 * agent (whitelists and freezes, from transactions that can never take a nonce the settlement signer counts on).
 */
public final class ChainSetup {

    /** The demo listings, matching order-service's demo catalog seed. */
    static final List<DemoToken> DEMO_TOKENS = List.of(
            new DemoToken("BLRTECH", "Bengaluru Tech Park", 1_000_000),
            new DemoToken("MUMSEA", "Mumbai Sea View Towers", 400_000));

    /** anvil dev account 0 deploys and owns the tokens. */
    static final int OWNER_ACCOUNT = 0;

    /** anvil dev account 1 is alice's wallet (order-service's demo seed); account 2 holds the unsold supply. */
    static final int ALICE_ACCOUNT = 1;

    static final int TREASURY_ACCOUNT = 2;

    /** anvil dev account 3 is the compliance agent: whitelists and freezes investors' addresses. */
    static final int COMPLIANCE_ACCOUNT = 3;

    /** anvil dev account 4 is the settlement agent, the key blockchain-service signs with. */
    static final int SETTLEMENT_ACCOUNT = 4;

    private static final BigInteger GAS_PRICE = BigInteger.valueOf(2_000_000_000L);

    record DemoToken(String symbol, String name, long supply) {}

    /** Where each token lives on chain, and who settles and holds for the platform. */
    public record Deployments(
            String settlementAgentPrivateKey, String treasuryAddress, Map<String, String> contractBySymbol) {

        @Override
        public String toString() {
            return "Deployments[settlementAgentPrivateKey=<hidden>, treasuryAddress=" + treasuryAddress
                    + ", contractBySymbol=" + contractBySymbol + "]";
        }
    }

    /**
     * Who acts on chain for the platform.
     *
     * @param ownerPrivateKey deploys, owns, appoints and mints
     * @param settlementAgent appointed to force transfers (blockchain-service's signer)
     * @param compliancePrivateKey appointed to whitelist and freeze; whitelists the treasury and the investors here
     * @param treasury receives each token's supply
     * @param verifiedInvestors whitelisted from the start (the KYC-verified demo investors' wallets)
     */
    public record Accounts(
            String ownerPrivateKey,
            String settlementAgent,
            String compliancePrivateKey,
            String treasury,
            List<String> verifiedInvestors) {

        public Accounts {
            verifiedInvestors = List.copyOf(verifiedInvestors);
        }

        @Override
        public String toString() {
            return "Accounts[owner and compliance keys hidden, settlementAgent=" + settlementAgent + ", treasury="
                    + treasury + ", verifiedInvestors=" + verifiedInvestors + "]";
        }
    }

    private ChainSetup() {}

    /** The local platform's chain: anvil's dev accounts in the roles the demo data expects. */
    static Deployments ensureDeployed(AnvilChain anvil, Path registry) {
        List<String> devAccounts = anvil.devAccounts();
        Accounts accounts = new Accounts(
                anvil.devPrivateKey(OWNER_ACCOUNT),
                devAccounts.get(SETTLEMENT_ACCOUNT),
                anvil.devPrivateKey(COMPLIANCE_ACCOUNT),
                devAccounts.get(TREASURY_ACCOUNT),
                List.of(devAccounts.get(ALICE_ACCOUNT)));
        Web3j web3j = Web3j.build(new HttpService(anvil.rpcUrl()));
        try {
            return new Deployments(
                    anvil.devPrivateKey(SETTLEMENT_ACCOUNT),
                    accounts.treasury(),
                    ensureDeployed(web3j, anvil.chainId(), accounts, registry));
        } finally {
            web3j.shutdown();
        }
    }

    /**
     * Deploys each demo token that the registry does not know, the chain no longer has, or that predates the split of
     * roles; on those it keeps, the owner appoints whichever agent is missing.
     *
     * @return the contract address of each demo token, by symbol
     */
    static Map<String, String> ensureDeployed(Web3j web3j, long chainId, Accounts accounts, Path registry) {
        Map<String, String> known = read(registry);
        Map<String, String> contracts = new LinkedHashMap<>();
        FastRawTransactionManager owner = signer(web3j, chainId, accounts.ownerPrivateKey());
        FastRawTransactionManager compliance = signer(web3j, chainId, accounts.compliancePrivateKey());
        AssetTokenGasProvider gas = new AssetTokenGasProvider(GAS_PRICE);
        for (DemoToken token : DEMO_TOKENS) {
            String address = known.get(token.symbol());
            Optional<AssetTokenContract> kept = Optional.ofNullable(address)
                    .filter(candidate -> hasCode(web3j, candidate))
                    .map(candidate -> AssetTokenContract.load(candidate, web3j, owner, gas))
                    .filter(ChainSetup::hasRoles);
            if (kept.isPresent()) {
                appointMissingAgents(kept.get(), accounts, compliance.getFromAddress());
            } else {
                address = new AssetTokenDeployment(web3j, owner, compliance, gas)
                        .deploy(spec(accounts, compliance.getFromAddress(), token))
                        .address();
            }
            contracts.put(token.symbol(), address);
        }
        write(registry, contracts);
        return contracts;
    }

    /**
     * A contract from before the split of roles has no {@code isSettlementAgent}: its single agent role would let the
     * settlement key mint and pause, so such a contract is replaced, not kept.
     */
    private static boolean hasRoles(AssetTokenContract token) {
        try {
            token.isSettlementAgent(token.owner());
            return true;
        } catch (AssetTokenException olderShape) {
            if (olderShape.getCause() instanceof IOException unreachable) {
                throw new UncheckedIOException("Could not read the chain at " + token.address(), unreachable);
            }
            return false;
        }
    }

    private static void appointMissingAgents(AssetTokenContract token, Accounts accounts, String complianceAgent) {
        if (!token.isSettlementAgent(accounts.settlementAgent())) {
            token.addSettlementAgent(accounts.settlementAgent());
        }
        if (!token.isComplianceAgent(complianceAgent)) {
            token.addComplianceAgent(complianceAgent);
        }
    }

    private static FastRawTransactionManager signer(Web3j web3j, long chainId, String privateKey) {
        return new FastRawTransactionManager(
                web3j,
                Credentials.create(privateKey),
                chainId,
                new PollingTransactionReceiptProcessor(web3j, 200, 150));
    }

    private static TokenSpec spec(Accounts accounts, String complianceAgent, DemoToken token) {
        return new TokenSpec(
                token.name(),
                token.symbol(),
                accounts.treasury(),
                BigInteger.valueOf(token.supply()),
                List.of(accounts.settlementAgent()),
                List.of(complianceAgent),
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
