package dev.tokenx.blockchain.settlement.application;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Nonces from the database, started from the node's pending transaction count the first time a sender is seen. From
 * then on the database alone hands them out: the node would count a transaction only once it has received it, so two
 * transfers signed at once would get the same nonce.
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
        return store.tracks(sender)
                .flatMap(known -> known ? Mono.<Void>empty() : startFromChain(sender))
                .then(Mono.fromRunnable(() -> tracked.add(sender)));
    }

    /** The next nonce; only inside a transaction that stores what it signs (see {@link NonceStore#allocate}). */
    Mono<Long> allocate(String sender) {
        return store.allocate(sender);
    }

    private Mono<Void> startFromChain(String sender) {
        return chain.pendingNonce(sender).flatMap(next -> store.startAt(sender, next));
    }
}
