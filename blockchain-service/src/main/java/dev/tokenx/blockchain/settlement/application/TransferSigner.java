package dev.tokenx.blockchain.settlement.application;

import dev.tokenx.blockchain.settlement.domain.SignedTransfer;
import dev.tokenx.blockchain.settlement.domain.Transfer;

/** Signs transfers with the settlement agent's key, offline. */
public interface TransferSigner {

    /** The agent's address, lower case: the sender of every transfer. */
    String sender();

    /** The transfer as a signed transaction under {@code nonce}; the same inputs always give the same bytes. */
    SignedTransfer sign(Transfer transfer, long nonce);
}
