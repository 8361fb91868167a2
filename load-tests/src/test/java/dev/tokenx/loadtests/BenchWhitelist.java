package dev.tokenx.loadtests;

import dev.tokenx.contracts.AssetTokenContract;
import dev.tokenx.contracts.AssetTokenGasProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.tx.FastRawTransactionManager;
import org.web3j.tx.response.NoOpProcessor;

/**
 * Puts the benchmark investors' wallets on a token's KYC whitelist, as the platform's compliance agent: without it
 * the contract refuses their transfers and every benchmark order would end {@code FAILED}. The transactions are sent
 * back to back under consecutive nonces and awaited together; wallets already whitelisted (an earlier run) are
 * skipped.
 */
final class BenchWhitelist {

    private static final BigInteger GAS_PRICE = BigInteger.valueOf(2_000_000_000L);
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private BenchWhitelist() {}

    /** @return how many wallets were added now */
    static int whitelist(Web3j web3j, String complianceKey, String tokenAddress, List<String> wallets) {
        FastRawTransactionManager agent = new FastRawTransactionManager(
                web3j, Credentials.create(complianceKey), chainId(web3j), new NoOpProcessor(web3j));
        AssetTokenContract token =
                AssetTokenContract.load(tokenAddress, web3j, agent, new AssetTokenGasProvider(GAS_PRICE));
        List<String> missing =
                wallets.stream().filter(wallet -> !token.isVerified(wallet)).toList();
        missing.forEach(wallet -> token.setVerified(wallet, true));
        awaitVerified(token, missing);
        return missing.size();
    }

    /** One sender, consecutive nonces: the transactions are mined in order, so the last one is the one to wait for. */
    private static void awaitVerified(AssetTokenContract token, List<String> wallets) {
        if (wallets.isEmpty()) {
            return;
        }
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!token.isVerified(wallets.getLast())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The whitelisting of " + wallets.size()
                        + " wallets was not mined within " + PATIENCE + ": is the chain producing blocks?");
            }
            pause();
        }
        List<String> refused =
                wallets.stream().filter(wallet -> !token.isVerified(wallet)).toList();
        if (!refused.isEmpty()) {
            throw new IllegalStateException("Not whitelisted after mining: " + refused);
        }
    }

    private static long chainId(Web3j web3j) {
        try {
            return web3j.ethChainId().send().getChainId().longValueExact();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the chain id", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the whitelisting", e);
        }
    }
}
