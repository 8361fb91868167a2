package dev.tokenx.contracts;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.SequencedSet;
import org.web3j.abi.datatypes.Function;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.tx.response.TransactionReceiptProcessor;

/**
 * Sets up one AssetToken for a platform: deploys it from the owner's transaction manager, has the owner appoint the
 * settlement and compliance agents, has a compliance agent whitelist the treasury and the other given addresses, and
 * has the owner mint the supply to the treasury. Not idempotent: each call deploys a new contract.
 *
 * <p>Each of the three steps sends its transactions back to back and awaits them together, so that a step shares one
 * or two blocks instead of one block per transaction; the steps follow each other because each needs the one before
 * (the compliance agent acts once appointed, the mint needs a whitelisted treasury). That needs a gas provider that
 * does not estimate gas (an estimate would run before the previous transaction is mined), such as {@link
 * AssetTokenGasProvider}.
 */
public final class AssetTokenDeployment {

    private static final long RECEIPT_POLL_MILLIS = 200;
    private static final int RECEIPT_POLL_ATTEMPTS = 300;

    private final Web3j web3j;
    private final TransactionManager owner;
    private final TransactionManager compliance;
    private final ContractGasProvider gasProvider;
    private final TransactionReceiptProcessor receipts;

    /**
     * @param owner deploys, appoints the agents and mints: the token's owner for life
     * @param compliance the account of one of the spec's compliance agents, which whitelists
     */
    public AssetTokenDeployment(
            Web3j web3j, TransactionManager owner, TransactionManager compliance, ContractGasProvider gasProvider) {
        this.web3j = web3j;
        this.owner = owner;
        this.compliance = compliance;
        this.gasProvider = gasProvider;
        this.receipts = new PollingTransactionReceiptProcessor(web3j, RECEIPT_POLL_MILLIS, RECEIPT_POLL_ATTEMPTS);
    }

    /**
     * What to deploy.
     *
     * @param treasury receives the whole supply; whitelisted first
     * @param supply whole tokens, at least one
     * @param settlementAgents accounts appointed to force transfers (the settlement signer)
     * @param complianceAgents accounts appointed to whitelist, freeze and pause; the deployment's compliance signer
     *     is one of them
     * @param verifiedAddresses accounts put on the KYC whitelist besides the treasury
     */
    public record TokenSpec(
            String name,
            String symbol,
            String treasury,
            BigInteger supply,
            List<String> settlementAgents,
            List<String> complianceAgents,
            List<String> verifiedAddresses) {

        public TokenSpec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(treasury, "treasury");
            if (supply == null || supply.signum() <= 0) {
                throw new IllegalArgumentException("supply must be at least one token, was " + supply);
            }
            settlementAgents = List.copyOf(settlementAgents);
            complianceAgents = List.copyOf(complianceAgents);
            verifiedAddresses = List.copyOf(verifiedAddresses);
        }
    }

    /** Deploys and sets up the token; returns it used as the owner's account. */
    public AssetTokenContract deploy(TokenSpec spec) {
        String complianceSigner = Keys.toChecksumAddress(compliance.getFromAddress());
        if (spec.complianceAgents().stream().noneMatch(complianceSigner::equalsIgnoreCase)) {
            throw new IllegalArgumentException("The deployment whitelists as " + complianceSigner
                    + ", which is not among the compliance agents of " + spec.symbol() + ": "
                    + spec.complianceAgents());
        }
        AssetTokenContract token = AssetTokenContract.deploy(web3j, owner, gasProvider, spec.name(), spec.symbol());
        run(token, spec, appointments(spec));
        run(token.as(compliance), spec, whitelistings(spec));
        run(token, spec, List.of(AssetTokenFunctions.mint(spec.treasury(), spec.supply())));
        return token;
    }

    private void run(AssetTokenContract token, TokenSpec spec, List<Function> calls) {
        List<String> hashes = new ArrayList<>();
        for (Function call : calls) {
            hashes.add(token.submit(call));
        }
        for (String hash : hashes) {
            TransactionReceipt receipt = awaitReceipt(hash);
            if (!receipt.isStatusOK()) {
                throw token.refusalOf(receipt)
                        .<AssetTokenException>map(refusal -> refusal)
                        .orElseGet(() -> new AssetTokenException("Setting up AssetToken " + spec.symbol() + " at "
                                + token.address() + " failed in transaction " + hash));
            }
        }
    }

    private static List<Function> appointments(TokenSpec spec) {
        List<Function> calls = new ArrayList<>();
        spec.settlementAgents().forEach(agent -> calls.add(AssetTokenFunctions.addSettlementAgent(agent)));
        spec.complianceAgents().forEach(agent -> calls.add(AssetTokenFunctions.addComplianceAgent(agent)));
        return calls;
    }

    /** The treasury first, then the others once each. */
    private static List<Function> whitelistings(TokenSpec spec) {
        SequencedSet<String> accounts = new LinkedHashSet<>();
        accounts.add(Keys.toChecksumAddress(spec.treasury()));
        spec.verifiedAddresses().forEach(account -> accounts.add(Keys.toChecksumAddress(account)));
        return accounts.stream()
                .map(account -> AssetTokenFunctions.setVerified(account, true))
                .toList();
    }

    private TransactionReceipt awaitReceipt(String hash) {
        try {
            return receipts.waitForTransactionReceipt(hash);
        } catch (IOException e) {
            throw new AssetTokenException("Cannot reach the chain to read the receipt of " + hash, e);
        } catch (TransactionException e) {
            throw new AssetTokenException("No receipt for " + hash + ": " + e.getMessage(), e);
        }
    }
}
