package dev.tokenx.contracts;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.web3j.abi.FunctionEncoder;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.tx.gas.ContractGasProvider;

/**
 * Legacy-transaction gas for AssetToken at a fixed gas price, with limits sized to the contract rather
 * than web3j's 9,000,000 default, which lets only three transactions into a 30,000,000-gas block.
 * Measured on anvil with the committed bytecode: a deployment used 864,525 gas and the costliest call
 * (the first mint, which writes the supply and a new balance) 75,009; each limit leaves about twice
 * that, so longer names or symbols still fit. A batch of forced transfers gets {@link #batchGasLimit}:
 * a transfer to a buyer who held none writes a new balance slot (22,100 gas for the store alone, plus
 * two cold reads of the whitelist and the freeze flag, the event and the calldata), about 30,000 in all;
 * 40,000 a transfer leaves room, and a test checks that 20 transfers to new buyers fit.
 */
public final class AssetTokenGasProvider implements ContractGasProvider {

    public static final BigInteger DEPLOY_GAS_LIMIT = BigInteger.valueOf(1_800_000);
    public static final BigInteger CALL_GAS_LIMIT = BigInteger.valueOf(150_000);

    /** Room for the transaction itself and the batch's fixed costs (calldata offsets, the agent check). */
    public static final BigInteger BATCH_BASE_GAS = BigInteger.valueOf(60_000);
    /** Room for one transfer to a buyer who held none: the costliest kind. */
    public static final BigInteger BATCH_GAS_PER_TRANSFER = BigInteger.valueOf(40_000);

    private static final String BATCH_SELECTOR = FunctionEncoder.encode(
                    AssetTokenFunctions.batchForcedTransfer(List.of()))
            .substring(0, 10);

    private final BigInteger gasPrice;

    /** @param gasPrice in wei; on a local anvil chain one gwei is plenty */
    public AssetTokenGasProvider(BigInteger gasPrice) {
        this.gasPrice = Objects.requireNonNull(gasPrice, "gasPrice");
    }

    @Override
    public BigInteger getGasPrice() {
        return gasPrice;
    }

    /** The gas limit of a {@code batchForcedTransfer} of {@code transfers} transfers. */
    public static BigInteger batchGasLimit(int transfers) {
        if (transfers < 1) {
            throw new IllegalArgumentException("A batch holds at least one transfer, not " + transfers);
        }
        return BATCH_BASE_GAS.add(BATCH_GAS_PER_TRANSFER.multiply(BigInteger.valueOf(transfers)));
    }

    @Override
    public BigInteger getGasLimit(Transaction transaction) {
        if (transaction.getTo() == null) {
            return DEPLOY_GAS_LIMIT;
        }
        String data = transaction.getData();
        return data != null && data.startsWith(BATCH_SELECTOR) ? batchGasLimit(batchSize(data)) : CALL_GAS_LIMIT;
    }

    /**
     * The ABI encodes the three arrays after three offset words, each as a length word and one word per
     * element: (words - 6) / 3 elements, whatever the lengths (mismatched arrays revert on chain anyway).
     */
    private static int batchSize(String data) {
        int words = (data.length() - BATCH_SELECTOR.length()) / 64;
        return Math.max(1, (words - 6) / 3);
    }

    /** The limit for calls; web3j asks for it where it cannot tell a deployment from a call. */
    @Override
    public BigInteger getGasLimit() {
        return CALL_GAS_LIMIT;
    }
}
