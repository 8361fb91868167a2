package dev.tokenx.blockchain.settlement.application;

import reactor.core.publisher.Mono;

/**
 * The next nonce of each sending address, kept in the database rather than asked of the node, so that many transfers
 * can be signed and in flight at once without two ever sharing a nonce.
 */
public interface NonceStore {

    Mono<Boolean> tracks(String sender);

    /** Starts counting at {@code nextNonce}; does nothing when the sender is already tracked. */
    Mono<Void> startAt(String sender, long nextNonce);

    /**
     * Takes the sender's next nonce. Inside the caller's transaction, which holds the sender's row until it ends: a
     * transaction that rolls back gives its nonce back, so a rollback never leaves a gap.
     */
    Mono<Long> allocate(String sender);
}
