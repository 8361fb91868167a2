package dev.tokenx.blockchain.settlement.application;

import dev.tokenx.blockchain.settlement.domain.Settlement;
import dev.tokenx.blockchain.settlement.domain.SettlementStatus;
import dev.tokenx.blockchain.settlement.domain.SignedTransfer;
import dev.tokenx.blockchain.settlement.domain.Transfer;
import dev.tokenx.blockchain.settlement.domain.Transition;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Chain transactions of one or many orders: signing them under the agent's next nonces and storing their bytes before
 * anything is sent, then sending them and recording that they went out.
 */
@Component
class SignedTransactions {

    private final SettlementRepository repository;
    private final Settlements settlements;
    private final SenderNonces nonces;
    private final SettlementChain chain;
    private final TransferSigner signer;
    private final BatchProperties batches;
    private final Clock clock;

    SignedTransactions(
            SettlementRepository repository,
            Settlements settlements,
            SenderNonces nonces,
            SettlementChain chain,
            TransferSigner signer,
            BatchProperties batches,
            Clock clock) {
        this.repository = repository;
        this.settlements = settlements;
        this.nonces = nonces;
        this.chain = chain;
        this.signer = signer;
        this.batches = batches;
        this.clock = clock;
    }

    String sender() {
        return signer.sender();
    }

    /** Catches the sender's nonces up with the node the first time this process signs. */
    Mono<Void> ready() {
        return nonces.ensureTracked(signer.sender());
    }

    /**
     * Signs the transfers, all on one contract, as one transaction under the sender's next nonce and stores its bytes.
     * Only inside the transaction that also stores the settlements it carries: the sender's nonce row stays locked
     * until that commits (allocations queue up in nonce order), and a rollback gives the nonce back, so no gap is ever
     * left on chain.
     */
    Mono<SignedTransfer> signNext(List<Transfer> transfers) {
        return nonces.allocate(signer.sender())
                .map(nonce -> signer.sign(transfers, nonce))
                .flatMap(signed -> repository.insertTransaction(signed).thenReturn(signed));
    }

    /** {@code items} in consecutive groups of at most {@code blockchain.batch.max-transfers-per-transaction}. */
    <T> List<List<T>> inBatches(List<T> items) {
        int size = batches.maxTransfersPerTransaction();
        List<List<T>> groups = new ArrayList<>();
        for (int start = 0; start < items.size(); start += size) {
            groups.add(List.copyOf(items.subList(start, Math.min(items.size(), start + size))));
        }
        return groups;
    }

    /**
     * Sends each transaction that some of {@code stored} are signed into and not yet recorded as sent, in nonce
     * order, once per transaction however many orders it carries; then records the broadcast of its orders in one
     * commit. Anything else is on its way already.
     */
    Mono<Void> send(Collection<Settlement> stored) {
        Map<String, List<Settlement>> byTransaction = new LinkedHashMap<>();
        stored.stream()
                .filter(settlement -> settlement.status() == SettlementStatus.SIGNED)
                .sorted(Comparator.comparingLong(
                        settlement -> settlement.signed().orElseThrow().nonce()))
                .forEach(settlement -> byTransaction
                        .computeIfAbsent(settlement.signed().orElseThrow().txHash(), hash -> new ArrayList<>())
                        .add(settlement));
        return Flux.fromIterable(byTransaction.values())
                .concatMap(members -> chain.broadcast(
                                members.getFirst().signed().orElseThrow())
                        .then(Mono.defer(() -> settlements.applyAll(members, this::recordBroadcast))))
                .then();
    }

    private Optional<Transition> recordBroadcast(Settlement current) {
        return current.status() == SettlementStatus.SIGNED
                ? Optional.of(current.broadcast(clock.instant()))
                : Optional.empty();
    }
}
