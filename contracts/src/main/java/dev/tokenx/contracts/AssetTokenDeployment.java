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
 * Sets up one AssetToken for a platform: deploys it from the transaction manager's account (its owner
 * and first agent), appoints further agents, whitelists the treasury, mints the supply to it, and
 * whitelists the other given addresses. Not idempotent: each call deploys a new contract.
 *
 * <p>After the deployment, the other transactions are sent back to back and awaited together, so they
 * share one or two blocks instead of one block each. That needs a gas provider that does not estimate
 * gas (an estimate of the mint would run before the treasury's whitelisting is mined), such as {@link
 * AssetTokenGasProvider}.
 */
public final class AssetTokenDeployment {

    private static final long RECEIPT_POLL_MILLIS = 200;
    private static final int RECEIPT_POLL_ATTEMPTS = 300;

    private final Web3j web3j;
    private final TransactionManager transactionManager;
    private final ContractGasProvider gasProvider;
    private final TransactionReceiptProcessor receipts;

    public AssetTokenDeployment(Web3j web3j, TransactionManager transactionManager, ContractGasProvider gasProvider) {
        this.web3j = web3j;
        this.transactionManager = transactionManager;
        this.gasProvider = gasProvider;
        this.receipts = new PollingTransactionReceiptProcessor(web3j, RECEIPT_POLL_MILLIS, RECEIPT_POLL_ATTEMPTS);
    }

    /**
     * What to deploy.
     *
     * @param treasury receives the whole supply; whitelisted first
     * @param supply whole tokens, at least one
     * @param agents accounts appointed agents besides the deployer (the settlement signer, say)
     * @param verifiedAddresses accounts put on the KYC whitelist besides the treasury
     */
    public record TokenSpec(
            String name,
            String symbol,
            String treasury,
            BigInteger supply,
            List<String> agents,
            List<String> verifiedAddresses) {

        public TokenSpec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(treasury, "treasury");
            if (supply == null || supply.signum() <= 0) {
                throw new IllegalArgumentException("supply must be at least one token, was " + supply);
            }
            agents = List.copyOf(agents);
            verifiedAddresses = List.copyOf(verifiedAddresses);
        }
    }

    /** Deploys and sets up the token; returns it used as the deployer's account. */
    public AssetTokenContract deploy(TokenSpec spec) {
        AssetTokenContract token =
                AssetTokenContract.deploy(web3j, transactionManager, gasProvider, spec.name(), spec.symbol());
        List<String> hashes = new ArrayList<>();
        for (Function setup : setupCalls(spec)) {
            hashes.add(token.submit(setup));
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
        return token;
    }

    /** In nonce order, which is the order they are mined in: the treasury is whitelisted before the mint. */
    private static List<Function> setupCalls(TokenSpec spec) {
        List<Function> calls = new ArrayList<>();
        spec.agents().forEach(agent -> calls.add(AssetTokenFunctions.addAgent(agent)));
        calls.add(AssetTokenFunctions.setVerified(spec.treasury(), true));
        calls.add(AssetTokenFunctions.mint(spec.treasury(), spec.supply()));
        SequencedSet<String> others = new LinkedHashSet<>();
        spec.verifiedAddresses().forEach(account -> others.add(Keys.toChecksumAddress(account)));
        others.remove(Keys.toChecksumAddress(spec.treasury()));
        others.forEach(account -> calls.add(AssetTokenFunctions.setVerified(account, true)));
        return calls;
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
