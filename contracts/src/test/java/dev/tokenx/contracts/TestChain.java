package dev.tokenx.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tokenx.infra.AnvilChain;
import dev.tokenx.testkit.Infrastructure;
import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.web3j.abi.datatypes.Function;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.FastRawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/**
 * The shared anvil chain of the test kit seen through web3j, with one nonce-tracking signer per dev
 * account for the whole JVM (two signers of one account would hand out the same nonce).
 */
final class TestChain {

    /** Two gwei: above anvil's base fee, which only falls on a chain of nearly empty blocks. */
    static final BigInteger GAS_PRICE = BigInteger.valueOf(2_000_000_000L);

    private static final long RECEIPT_POLL_MILLIS = 200;
    private static final int RECEIPT_POLL_ATTEMPTS = 60;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<Integer, TransactionManager> SIGNERS = new ConcurrentHashMap<>();

    private static Web3j web3j;

    private TestChain() {}

    static synchronized Web3j web3j() {
        if (web3j == null) {
            web3j = Web3j.build(new HttpService(anvil().rpcUrl()));
        }
        return web3j;
    }

    static AnvilChain anvil() {
        return Infrastructure.anvil();
    }

    static ContractGasProvider gas() {
        return new AssetTokenGasProvider(GAS_PRICE);
    }

    /** The checksummed address of anvil dev account {@code index}. */
    static String account(int index) {
        return anvil().devAccounts().get(index);
    }

    static Credentials credentials(int index) {
        return Credentials.create(anvil().devPrivateKey(index));
    }

    /** Signs as dev account {@code index}, waiting for receipts by polling every 200 ms. */
    static TransactionManager signer(int index) {
        return SIGNERS.computeIfAbsent(
                index,
                i -> new FastRawTransactionManager(
                        web3j(),
                        credentials(i),
                        anvil().chainId(),
                        new PollingTransactionReceiptProcessor(web3j(), RECEIPT_POLL_MILLIS, RECEIPT_POLL_ATTEMPTS)));
    }

    /** An address nobody holds the key of, and which no test has touched. */
    static String freshAddress() {
        byte[] address = new byte[20];
        RANDOM.nextBytes(address);
        return Keys.toChecksumAddress(Numeric.toHexString(address));
    }

    /** The refusal {@code call} throws; fails the test when it throws anything else or nothing. */
    static ContractRefusal refusal(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ContractRefusal.class);
        return (ContractRefusal) thrown;
    }

    static BigInteger tokens(long amount) {
        return BigInteger.valueOf(amount);
    }

    /** Sends set-up calls back to back from the token's account, so they share a block, and checks them all. */
    static void setUp(AssetTokenContract token, Function... calls) {
        List<String> hashes = new ArrayList<>();
        for (Function call : calls) {
            hashes.add(token.submit(call));
        }
        PollingTransactionReceiptProcessor receipts =
                new PollingTransactionReceiptProcessor(web3j(), RECEIPT_POLL_MILLIS, RECEIPT_POLL_ATTEMPTS);
        for (String hash : hashes) {
            try {
                TransactionReceipt receipt = receipts.waitForTransactionReceipt(hash);
                assertThat(receipt.isStatusOK())
                        .as("set-up transaction %s", hash)
                        .isTrue();
            } catch (IOException | TransactionException e) {
                throw new AssertionError("No receipt for set-up transaction " + hash, e);
            }
        }
    }
}
