package dev.tokenx.blockchain.settlement.application;

import reactor.core.publisher.Mono;

/**
 * The next nonce of each sending address, kept in the database rather than asked of the node, so that many transfers
 * can be signed and in flight at once without two ever sharing a nonce.
 */
public interface NonceStore {

    /**
     * Starts counting at the node's {@code chainNext}, or moves ahead to it when someone else sent from the sender's
     * account (an operator with the same key, say). Never moves back: transfers this service signed and the node has
     * not yet received hold the nonces above it.
     */
    Mono<Void> catchUp(String sender, long chainNext);

    /**
     * Takes the sender's next nonce. Inside the caller's transaction, which holds the sender's row until it ends: a
     * transaction that rolls back gives its nonce back, so a rollback never leaves a gap.
     */
    Mono<Long> allocate(String sender);
}
