package dev.tokenx.blockchain.settlement.application;

import dev.tokenx.blockchain.settlement.domain.SignedTransfer;
import dev.tokenx.blockchain.settlement.domain.Transfer;
import java.util.List;

/** Signs transfers with the settlement agent's key, offline. */
public interface TransferSigner {

    /** The agent's address, lower case: the sender of every transfer. */
    String sender();

    /**
     * The transfers, all on one contract, as one signed transaction under {@code nonce}: a forced transfer for one, a
     * batch forced transfer for several. The same inputs always give the same bytes.
     */
    SignedTransfer sign(List<Transfer> transfers, long nonce);
}
