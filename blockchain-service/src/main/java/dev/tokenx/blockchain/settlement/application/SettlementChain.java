package dev.tokenx.blockchain.settlement.application;

import dev.tokenx.blockchain.settlement.domain.SignedTransfer;
import dev.tokenx.blockchain.settlement.domain.Transfer;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The chain as settlement uses it. Every method fails with {@link ChainUnavailable} when the node cannot be reached,
 * times out or answers with a server error: a transient fault, worth retrying.
 */
public interface SettlementChain {

    /**
     * Simulates each transfer on its own as {@code sender} on the latest block, all in one round trip.
     *
     * @return for each transfer in order, why the contract would refuse it, or empty when it would go through; fails
     *     with a {@link TokenMisconfigured} when the token itself cannot settle anything (no contract at its address,
     *     the sender not its settlement agent)
     */
    Mono<List<Optional<String>>> refusalsOf(List<Transfer> transfers, String sender);

    /**
     * Sends the signed bytes. Idempotent: a node that already has (or has mined) this very transaction counts as a
     * success. Fails with {@link BroadcastRejected} when the node refuses it for good.
     */
    Mono<Void> broadcast(SignedTransfer transaction);

    /** The sender's transaction count including pending transactions: its next free nonce. */
    Mono<Long> pendingNonce(String sender);

    /** The latest block number. */
    Mono<Long> head();

    /** The receipts of every transaction in block {@code blockNumber}, in one call. */
    Mono<List<MinedTransaction>> blockReceipts(long blockNumber);

    /** The receipts of those of {@code txHashes} that are mined; the others are left out. */
    Mono<List<MinedTransaction>> receipts(List<String> txHashes);

    /** Why a mined transfer reverted, in words a user can read ("Recipient address is frozen"). */
    Mono<String> revertReason(Transfer transfer, String txHash);
}
