package dev.tokenx.blockchain.settlement.application;

import dev.tokenx.blockchain.settlement.domain.Settlement;
import dev.tokenx.blockchain.settlement.domain.Transfer;
import dev.tokenx.blockchain.settlement.domain.Transition;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A batch transaction of several orders was mined and reverted: one refused transfer reverts the whole batch, so the
 * others must not fail with it. Each order is simulated again on its own; a refused one fails alone with the
 * contract's reason, and the accepted ones are signed again in two halves, each a new transaction under a new nonce.
 *
 * <p>Signing an order again is safe only because a reverted transaction moved nothing: none of its orders' tokens
 * went anywhere, so the new transaction is still the order's first and only transfer. Halving ends: a batch that
 * reverts again (say the treasury covers each order alone but not all of them) is halved again, down to single
 * orders, whose revert fails them with the contract's reason.
 */
@Component
class SplitRevertedBatch {

    private static final Logger log = LoggerFactory.getLogger(SplitRevertedBatch.class);

    private final Settlements settlements;
    private final SignedTransactions transactionsToSend;
    private final SettlementChain chain;
    private final TransactionalOperator transactions;
    private final Clock clock;

    SplitRevertedBatch(
            Settlements settlements,
            SignedTransactions transactionsToSend,
            SettlementChain chain,
            TransactionalOperator transactions,
            Clock clock) {
        this.settlements = settlements;
        this.transactionsToSend = transactionsToSend;
        this.chain = chain;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @param members every order of the reverted transaction, as stored, still awaiting mining */
    Mono<Void> split(String txHash, List<Settlement> members) {
        log.info("Batch transaction {} of {} orders reverted: checking each order again", txHash, members.size());
        List<Transfer> transfers = members.stream().map(Settlement::transfer).toList();
        return transactionsToSend
                .ready()
                .then(chain.refusalsOf(transfers, transactionsToSend.sender()))
                .flatMap(refusals -> store(members, refusals))
                .flatMap(transactionsToSend::send)
                // Someone else moved one of these orders on first; the tracker sees the batch again and decides anew.
                .onErrorResume(ConcurrentSettlementChange.class, changed -> Mono.empty());
    }

    /** One database transaction: the refused orders' failures and the new halves' nonces, bytes and settlements. */
    private Mono<List<Settlement>> store(List<Settlement> members, List<Optional<String>> refusals) {
        List<Transition> failed = new ArrayList<>();
        List<Settlement> accepted = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Settlement member = members.get(i);
            refusals.get(i).ifPresentOrElse(reason -> failed.add(member.reverted(reason)), () -> accepted.add(member));
        }
        return Flux.fromIterable(halves(accepted))
                .concatMap(this::signAgain)
                .collectList()
                .flatMap(resigned -> {
                    List<Transition> all = new ArrayList<>(failed);
                    resigned.forEach(all::addAll);
                    return settlements.saveAll(all).thenReturn(all);
                })
                .as(transactions::transactional)
                .doOnSuccess(settlements::recorded)
                .map(all -> all.stream().map(Transition::settlement).toList());
    }

    private Mono<List<Transition>> signAgain(List<Settlement> half) {
        return transactionsToSend
                .signNext(half.stream().map(Settlement::transfer).toList())
                .map(signed -> half.stream()
                        .map(member -> member.resigned(signed, clock.instant()))
                        .toList());
    }

    private static List<List<Settlement>> halves(List<Settlement> accepted) {
        if (accepted.size() <= 1) {
            return accepted.isEmpty() ? List.of() : List.of(accepted);
        }
        int middle = accepted.size() / 2;
        return List.of(accepted.subList(0, middle), accepted.subList(middle, accepted.size()));
    }
}
