package dev.tokenx.blockchain.support;

import dev.tokenx.contracts.AssetTokenContract;
import dev.tokenx.contracts.AssetTokenDeployment;
import dev.tokenx.contracts.AssetTokenDeployment.TokenSpec;
import dev.tokenx.contracts.AssetTokenGasProvider;
import dev.tokenx.infra.AnvilChain;
import dev.tokenx.testkit.Infrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.FastRawTransactionManager;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/**
 * The test kit's anvil chain (one block a second) as these tests use it. Dev account 0 deploys and owns the test tokens
 * and is also their compliance agent (it freezes addresses); account 9 is the service's settlement agent, with no other
 * role; account 8 is the treasury. Only this class
 * signs for account 0, through one nonce-tracking manager for the whole JVM.
 */
public final class TestChain {

    public static final int AGENT = 9;
    public static final int TREASURY = 8;
    public static final BigInteger SUPPLY = BigInteger.valueOf(1_000_000);

    private static final BigInteger GAS_PRICE = BigInteger.valueOf(2_000_000_000L);
    private static final SecureRandom RANDOM = new SecureRandom();

    private static Web3j web3j;
    private static TransactionManager owner;

    private TestChain() {}

    public static AnvilChain anvil() {
        return Infrastructure.anvil();
    }

    public static synchronized Web3j web3j() {
        if (web3j == null) {
            web3j = Web3j.build(new HttpService(anvil().rpcUrl()));
            owner = new FastRawTransactionManager(
                    web3j,
                    Credentials.create(anvil().devPrivateKey(0)),
                    anvil().chainId(),
                    new PollingTransactionReceiptProcessor(web3j, 200, 100));
        }
        return web3j;
    }

    public static String agentKey() {
        return anvil().devPrivateKey(AGENT);
    }

    public static String agent() {
        return anvil().devAccounts().get(AGENT);
    }

    public static String treasury() {
        return anvil().devAccounts().get(TREASURY);
    }

    /** A fresh address nobody holds the key of: a buyer whose balance only the test under way changes. */
    public static String newAddress() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return Keys.toChecksumAddress(Numeric.toHexString(bytes));
    }

    /**
     * Deploys a token as account 0, appoints the settlement agent, mints the supply to the treasury and whitelists the
     * buyers. Returns it used as account 0, its owner and compliance agent (to freeze addresses, say).
     */
    public static synchronized AssetTokenContract deployToken(String symbol, List<String> buyers) {
        web3j();
        return new AssetTokenDeployment(web3j, owner, owner, new AssetTokenGasProvider(GAS_PRICE))
                .deploy(new TokenSpec(
                        "Test " + symbol,
                        symbol,
                        treasury(),
                        SUPPLY,
                        List.of(agent()),
                        List.of(anvil().devAccounts().get(0)),
                        buyers));
    }

    /** Deploys a token as {@link #deployToken} does, but appoints no settlement agent: the service's signer has no role. */
    public static synchronized AssetTokenContract deployTokenWithoutTheServicesSigner(
            String symbol, List<String> buyers) {
        web3j();
        return new AssetTokenDeployment(web3j, owner, owner, new AssetTokenGasProvider(GAS_PRICE))
                .deploy(new TokenSpec(
                        "Test " + symbol,
                        symbol,
                        treasury(),
                        SUPPLY,
                        List.of(),
                        List.of(anvil().devAccounts().get(0)),
                        buyers));
    }

    /** The token at {@code address}, for reading. */
    public static AssetTokenContract token(String address) {
        return AssetTokenContract.load(
                address,
                web3j(),
                new ReadonlyTransactionManager(web3j(), treasury()),
                new AssetTokenGasProvider(GAS_PRICE));
    }

    public static Optional<Transaction> transaction(String txHash) {
        try {
            return web3j().ethGetTransactionByHash(txHash).send().getTransaction();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many Transfer events the token emitted toward {@code recipient}, in all blocks: one per order settled. */
    public static int transfersTo(String token, String recipient) {
        EthFilter filter = new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, token)
                .addSingleTopic(EventEncoder.encode(new Event(
                        "Transfer",
                        List.of(
                                TypeReference.create(Address.class, true),
                                TypeReference.create(Address.class, true),
                                TypeReference.create(Uint256.class)))))
                .addNullTopic()
                .addSingleTopic(Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(recipient), 64));
        try {
            return web3j().ethGetLogs(filter).send().getLogs().size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long pendingNonce(String address) {
        try {
            return web3j().ethGetTransactionCount(address, DefaultBlockParameterName.PENDING)
                    .send()
                    .getTransactionCount()
                    .longValueExact();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
