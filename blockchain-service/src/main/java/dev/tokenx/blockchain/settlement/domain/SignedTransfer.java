package dev.tokenx.blockchain.settlement.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * A chain transaction signed by {@code sender} under {@code nonce}: the exact bytes to broadcast and their hash. It
 * carries one order's transfer, or several orders' in one batch. Once stored it is the only transaction its orders
 * have: re-sending means sending these bytes again, never signing anew (until it is mined and reverted, see {@link
 * Settlement#resigned}).
 *
 * @param rawTransaction the signed transaction, 0x-prefixed hex
 */
public record SignedTransfer(String sender, long nonce, String txHash, String rawTransaction) {

    public SignedTransfer {
        sender = Objects.requireNonNull(sender, "sender").toLowerCase(Locale.ROOT);
        txHash = Objects.requireNonNull(txHash, "txHash").toLowerCase(Locale.ROOT);
        Objects.requireNonNull(rawTransaction, "rawTransaction");
        if (nonce < 0) {
            throw new IllegalArgumentException("A nonce is never negative: " + nonce);
        }
    }
}
