package dev.tokenx.blockchain.settlement.application;

import dev.tokenx.blockchain.settlement.domain.Settlement;
import dev.tokenx.blockchain.settlement.domain.SignedTransfer;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where settlements are kept, one per order. Statements join the caller's transaction. */
public interface SettlementRepository {

    Mono<Settlement> find(UUID orderId);

    /** The stored settlements of those of {@code orderIds} that have one. */
    Flux<Settlement> findAll(Collection<UUID> orderIds);

    /** Stores a signed transaction, before the settlements it carries (which name it) and before its broadcast. */
    Mono<Void> insertTransaction(SignedTransfer transaction);

    /** Stores new settlements in one statement; fails with {@link SettlementAlreadyExists} when an order has one. */
    Mono<Void> insertAll(List<Settlement> settlements);

    /**
     * Stores each settlement whose stored one still has its {@link Settlement#version()}, in one statement, and moves
     * their versions on.
     *
     * @return the orders whose settlement was written; the others were changed by another writer first
     */
    Flux<UUID> updateAll(List<Settlement> settlements);

    /**
     * Stores the settlement if the stored one still has its {@link Settlement#version()}, and moves the version on.
     *
     * @return false when another writer changed it first: nothing was written
     */
    Mono<Boolean> update(Settlement settlement);

    /** Signed or submitted settlements whose transaction is one of {@code txHashes}: every member of each batch. */
    Flux<Settlement> awaitingMiningWithTxHashes(Collection<String> txHashes);

    /** Signed or submitted settlements last sent (or signed) before {@code cutoff}, oldest first. */
    Flux<Settlement> awaitingMiningSentBefore(Instant cutoff, int limit);

    /** Mined settlements to which block {@code head} adds a confirmation, earliest mined first. */
    Flux<Settlement> confirmingBelow(long head, int limit);
}
