package dev.tokenx.blockchain.settlement.application;

import dev.tokenx.blockchain.settlement.domain.Settlement;
import dev.tokenx.blockchain.settlement.domain.SettlementStatus;
import dev.tokenx.blockchain.settlement.domain.Transition;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Follows every sent transaction to the end, one tick per new block, with a few calls to the node per block however
 * many transactions and orders are pending: the head ({@code eth_blockNumber}), then each new block's receipts
 * ({@code eth_getBlockReceipts}).
 *
 * <ol>
 *   <li>Each new block's receipts are matched against the transactions awaiting mining (one query). A success starts
 *       counting confirmations for every order it carries (one commit per block); a lone order's revert fails it with
 *       the contract's reason; a batch's revert is split ({@link SplitRevertedBatch}) so that a refused order fails
 *       alone and the others settle in new transactions.
 *   <li>Orders mined in a block the head now confirms further announce each new count, then their confirmation (one
 *       query, one commit).
 *   <li>Transactions not seen in a block for {@code rebroadcast-after} (the node lost them, the service was down when
 *       their block came, or they were stored and never sent) are looked up once more and, if still unmined, sent
 *       again: the same signed bytes, once per transaction.
 * </ol>
 *
 * Every change is saved only on the version it was decided on, so several trackers (one per instance) and the
 * consumer never announce a change twice.
 */
@Service
public class TrackSettlements {

    private static final Logger log = LoggerFactory.getLogger(TrackSettlements.class);

    /** Transactions worked on at once within a tick; each is a few short statements and at most one RPC call. */
    private static final int CONCURRENCY = 8;

    private final SettlementRepository repository;
    private final Settlements settlements;
    private final SplitRevertedBatch splits;
    private final SettlementChain chain;
    private final ConfirmationProperties properties;
    private final Clock clock;
    /** The first block not scanned yet; -1 until the first tick, which starts at the head. */
    private final AtomicLong nextBlock = new AtomicLong(-1);

    TrackSettlements(
            SettlementRepository repository,
            Settlements settlements,
            SplitRevertedBatch splits,
            SettlementChain chain,
            ConfirmationProperties properties,
            Clock clock) {
        this.repository = repository;
        this.settlements = settlements;
        this.splits = splits;
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
     * Blocks the tracker missed while it was not running are not scanned: their transactions come back through {@link
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
        return chain.blockReceipts(block)
                .filter(receipts -> !receipts.isEmpty())
                .flatMap(receipts -> repository
                        .awaitingMiningWithTxHashes(
                                receipts.stream().map(MinedTransaction::txHash).toList())
                        .collectList()
                        .flatMap(awaiting -> recordMined(receipts, byTransaction(awaiting), head)));
    }

    /** Every order of the block's successful transactions in one commit; each reverted transaction on its own. */
    private Mono<Void> recordMined(List<MinedTransaction> receipts, Map<String, List<Settlement>> awaiting, long head) {
        List<Settlement> succeeded = new ArrayList<>();
        List<MinedTransaction> reverted = new ArrayList<>();
        for (MinedTransaction mined : receipts) {
            List<Settlement> members = awaiting.get(mined.txHash());
            if (members == null) {
                continue;
            }
            if (mined.succeeded()) {
                succeeded.addAll(members);
            } else {
                reverted.add(mined);
            }
        }
        Map<String, Long> minedIn = new LinkedHashMap<>();
        receipts.forEach(mined -> minedIn.put(mined.txHash(), mined.blockNumber()));
        return settlements
                .applyAll(
                        succeeded,
                        current -> Optional.ofNullable(minedIn.get(txHash(current)))
                                .filter(block -> current.awaitsMining())
                                .map(block -> current.mined(block, head, properties.required())))
                .then(Flux.fromIterable(reverted)
                        .flatMap(
                                mined -> isolated(mined.txHash(), recordReverted(mined, awaiting.get(mined.txHash()))),
                                CONCURRENCY)
                        .then());
    }

    private Mono<Void> recordReverted(MinedTransaction mined, List<Settlement> members) {
        if (members.size() > 1) {
            return splits.split(mined.txHash(), members);
        }
        Settlement alone = members.getFirst();
        return chain.revertReason(alone.transfer(), mined.txHash())
                .flatMap(reason -> settlements.apply(
                        alone,
                        current ->
                                whileAwaitingMining(current, mined.txHash(), awaiting -> awaiting.reverted(reason))));
    }

    private Mono<Void> announceConfirmations(long head) {
        return repository
                .confirmingBelow(head, properties.batchSize())
                .collectList()
                .flatMap(confirming -> settlements.applyAll(confirming, current -> observe(current, head)));
    }

    private Optional<Transition> observe(Settlement current, long head) {
        return current.status() == SettlementStatus.CONFIRMING
                ? Optional.of(current.observe(head, properties.required()))
                        .filter(t -> !t.changes().isEmpty())
                : Optional.empty();
    }

    private Mono<Void> resendUnseen(long head) {
        Instant cutoff = clock.instant().minus(properties.rebroadcastAfter());
        return repository
                .awaitingMiningSentBefore(cutoff, properties.batchSize())
                .collectList()
                .flatMapMany(unseen -> Flux.fromIterable(byTransaction(unseen).entrySet()))
                .flatMap(
                        transaction -> isolated(transaction.getKey(), lookUpOrResend(transaction.getKey(), head)),
                        CONCURRENCY)
                .then();
    }

    /** Looks the transaction up once, and works on all its orders as stored now (the list above may be cut short). */
    private Mono<Void> lookUpOrResend(String txHash, long head) {
        return repository
                .awaitingMiningWithTxHashes(List.of(txHash))
                .collectList()
                .filter(members -> !members.isEmpty())
                .flatMap(members -> chain.receipts(List.of(txHash))
                        .flatMap(receipts -> receipts.isEmpty()
                                ? resend(txHash, members)
                                : recordMined(receipts, Map.of(txHash, members), head)));
    }

    private Mono<Void> resend(String txHash, List<Settlement> members) {
        log.info(
                "Transaction {} of {} orders not seen in a block since {}: sending it again",
                txHash,
                members.size(),
                members.getFirst().lastSentAt().orElseThrow());
        return chain.broadcast(members.getFirst().signed().orElseThrow())
                .then(Mono.defer(() -> settlements.applyAll(
                        members,
                        current -> whileAwaitingMining(
                                current, txHash, awaiting -> awaiting.broadcast(clock.instant())))));
    }

    /**
     * One transaction's trouble (a rejected re-send, say) must not hold up the others; an unreachable chain stops the
     * tick.
     */
    private static Mono<Void> isolated(String txHash, Mono<Void> work) {
        return work.onErrorResume(error -> !(error instanceof ChainUnavailable), error -> {
            log.warn("Tracking transaction {} failed, will retry: {}", txHash, error.toString());
            return Mono.empty();
        });
    }

    private static Map<String, List<Settlement>> byTransaction(List<Settlement> settlements) {
        Map<String, List<Settlement>> byTransaction = new LinkedHashMap<>();
        settlements.forEach(settlement -> byTransaction
                .computeIfAbsent(txHash(settlement), hash -> new ArrayList<>())
                .add(settlement));
        return byTransaction;
    }

    /** Only while the order still waits for this very transaction: it may have been signed again meanwhile. */
    private static Optional<Transition> whileAwaitingMining(
            Settlement current, String txHash, Function<Settlement, Transition> transition) {
        return current.awaitsMining() && txHash(current).equals(txHash)
                ? Optional.of(transition.apply(current))
                : Optional.empty();
    }

    private static String txHash(Settlement settlement) {
        return settlement.signed().orElseThrow().txHash();
    }
}
