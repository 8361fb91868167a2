package dev.tokenx.blockchain.settlement.application;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Nonces from the database, caught up with the node's pending transaction count the first time this process sees a
 * sender. From then on the database alone hands them out: the node would count a transaction only once it has
 * received it, so two transfers signed at once would get the same nonce.
 */
@Component
class SenderNonces {

    private final NonceStore store;
    private final SettlementChain chain;
    private final Set<String> tracked = ConcurrentHashMap.newKeySet();

    SenderNonces(NonceStore store, SettlementChain chain) {
        this.store = store;
        this.chain = chain;
    }

    Mono<Void> ensureTracked(String sender) {
        if (tracked.contains(sender)) {
            return Mono.empty();
        }
        return chain.pendingNonce(sender)
                .flatMap(chainNext -> store.catchUp(sender, chainNext))
                .then(Mono.fromRunnable(() -> tracked.add(sender)));
    }

    /** The next nonce; only inside a transaction that stores what it signs (see {@link NonceStore#allocate}). */
    Mono<Long> allocate(String sender) {
        return store.allocate(sender);
    }
}
