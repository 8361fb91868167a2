package dev.tokenx.blockchain.settlement.application;

import dev.tokenx.blockchain.settlement.domain.Settlement;
import dev.tokenx.blockchain.settlement.domain.SettlementStatus;
import dev.tokenx.blockchain.settlement.domain.Transition;
import dev.tokenx.security.WithRequestId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Follows sent transfers to the end, one tick at a time.
 *
 * <ol>
 *   <li>Each new block: its transaction hashes are matched against the transfers awaiting mining (one query), and only
 *       the matches' receipts are fetched (one batched call). A success starts counting confirmations; a revert fails
 *       the settlement with the contract's reason. No receipt is polled for a transaction that is not in a block.
 *   <li>Transfers mined in a block the head now confirms further announce each new count, then their confirmation.
 *   <li>Transfers not seen in a block for {@code rebroadcast-after} (the node lost them, the service was down when
 *       their block came, or they were stored and never sent) are looked up once more and, if still unmined, sent
 *       again: the same signed bytes.
 * </ol>
 *
 * Every change is saved only on the version it was decided on, so several trackers (one per instance) and the
 * consumer never announce a change twice.
 */
@Service
public class TrackSettlements {

    private static final Logger log = LoggerFactory.getLogger(TrackSettlements.class);

    /** Settlements worked on at once within a tick; each is a few short statements and at most one RPC call. */
    private static final int CONCURRENCY = 8;

    private final SettlementRepository repository;
    private final Settlements settlements;
    private final SettlementChain chain;
    private final ConfirmationProperties properties;
    private final Clock clock;
    /** The first block not scanned yet; -1 until the first tick, which starts at the head. */
    private final AtomicLong nextBlock = new AtomicLong(-1);

    TrackSettlements(
            SettlementRepository repository,
            Settlements settlements,
            SettlementChain chain,
            ConfirmationProperties properties,
            Clock clock) {
        this.repository = repository;
        this.settlements = settlements;
        this.chain = chain;
        this.properties = properties;
        this.clock = clock;
    }

    /** One tick; fails with {@link ChainUnavailable} when the chain cannot be followed right now. */
    public Mono<Void> track() {
        return chain.head().flatMap(this::track);
    }

    private Mono<Void> track(long head) {
        return scanNewBlocks(head).then(announceConfirmations(head)).then(resendUnseen(head));
    }

    /**
     * Blocks the tracker missed while it was not running are not scanned: their transfers come back through {@link
     * #resendUnseen}, which finds their receipts.
     */
    private Mono<Void> scanNewBlocks(long head) {
        long from = nextBlock.get() < 0 ? head : nextBlock.get();
        long to = Math.min(head, from + properties.maxBlocksPerTick() - 1);
        return Flux.range(0, (int) Math.max(0, to - from + 1))
                .map(offset -> from + offset)
                .concatMap(block -> scanBlock(block, head).then(Mono.fromRunnable(() -> nextBlock.set(block + 1))))
                .then();
    }

    private Mono<Void> scanBlock(long block, long head) {
        return chain.transactionHashes(block)
                .filter(hashes -> !hashes.isEmpty())
                .flatMapMany(repository::awaitingMiningWithTxHashes)
                .collectMap(TrackSettlements::txHash)
                .filter(awaiting -> !awaiting.isEmpty())
                .flatMap(awaiting -> recordReceipts(awaiting, head));
    }

    private Mono<Void> recordReceipts(Map<String, Settlement> awaiting, long head) {
        return chain.receipts(List.copyOf(awaiting.keySet()))
                .flatMapMany(Flux::fromIterable)
                .flatMap(mined -> isolated(awaiting.get(mined.txHash()), recordMined(mined, head)), CONCURRENCY)
                .then();
    }

    private Function<Settlement, Mono<Void>> recordMined(MinedTransaction mined, long head) {
        if (mined.succeeded()) {
            return settlement -> settlements.apply(
                    settlement,
                    current -> whileAwaitingMining(
                            current, awaiting -> awaiting.mined(mined.blockNumber(), head, properties.required())));
        }
        return settlement -> chain.revertReason(settlement.transfer(), mined.txHash())
                .flatMap(reason -> settlements.apply(
                        settlement, current -> whileAwaitingMining(current, awaiting -> awaiting.reverted(reason))));
    }

    private Mono<Void> announceConfirmations(long head) {
        return repository
                .confirmingBelow(head, properties.batchSize())
                .flatMap(settlement -> isolated(settlement, confirming -> observe(confirming, head)), CONCURRENCY)
                .then();
    }

    private Mono<Void> observe(Settlement confirming, long head) {
        return settlements.apply(
                confirming,
                current -> current.status() == SettlementStatus.CONFIRMING
                        ? Optional.of(current.observe(head, properties.required()))
                                .filter(t -> !t.changes().isEmpty())
                        : Optional.empty());
    }

    private Mono<Void> resendUnseen(long head) {
        Instant cutoff = clock.instant().minus(properties.rebroadcastAfter());
        return repository
                .awaitingMiningSentBefore(cutoff, properties.batchSize())
                .flatMap(settlement -> isolated(settlement, unseen -> lookUpOrResend(unseen, head)), CONCURRENCY)
                .then();
    }

    private Mono<Void> lookUpOrResend(Settlement unseen, long head) {
        return chain.receipts(List.of(txHash(unseen)))
                .flatMap(receipts -> receipts.isEmpty()
                        ? resend(unseen)
                        : recordMined(receipts.getFirst(), head).apply(unseen));
    }

    private Mono<Void> resend(Settlement unseen) {
        WithRequestId.log(
                unseen.requestId(),
                () -> log.info(
                        "Transaction {} of order {} not seen in a block since {}: sending it again",
                        txHash(unseen),
                        unseen.orderId(),
                        unseen.lastSentAt().orElseThrow()));
        return chain.broadcast(unseen.signed().orElseThrow())
                .then(Mono.defer(() -> settlements.apply(
                        unseen,
                        current -> whileAwaitingMining(current, awaiting -> awaiting.broadcast(clock.instant())))));
    }

    /**
     * One settlement's trouble (a rejected re-send, say) must not hold up the others; an unreachable chain stops the
     * tick.
     */
    private static Mono<Void> isolated(Settlement settlement, Function<Settlement, Mono<Void>> work) {
        return work.apply(settlement).onErrorResume(error -> !(error instanceof ChainUnavailable), error -> {
            log.warn(
                    "Tracking the settlement of order {} failed, will retry: {}",
                    settlement.orderId(),
                    error.toString());
            return Mono.empty();
        });
    }

    private static Optional<Transition> whileAwaitingMining(
            Settlement current, Function<Settlement, Transition> transition) {
        return current.awaitsMining() ? Optional.of(transition.apply(current)) : Optional.empty();
    }

    private static String txHash(Settlement settlement) {
        return settlement.signed().orElseThrow().txHash();
    }
}
