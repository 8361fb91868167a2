package dev.tokenx.blockchain.settlement.application;

/** The node refused a signed transaction for good (not for being unreachable), e.g. its nonce was taken. */
public class BroadcastRejected extends PermanentSettlementFailure {

    public BroadcastRejected(String txHash, String reason) {
        super("The node refused transaction " + txHash + ": " + reason);
    }
}
