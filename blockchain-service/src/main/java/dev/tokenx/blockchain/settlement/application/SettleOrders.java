package dev.tokenx.blockchain.settlement.application;

import dev.tokenx.blockchain.network.SignerProperties;
import dev.tokenx.blockchain.network.TokenProperties;
import dev.tokenx.blockchain.settlement.domain.Settlement;
import dev.tokenx.blockchain.settlement.domain.Transfer;
import dev.tokenx.blockchain.settlement.domain.Transition;
import dev.tokenx.events.OrderPlaced;
import dev.tokenx.events.OrderSide;
import dev.tokenx.security.WithRequestId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Settles placed orders, many at a time: for each, the agent forces a transfer of the order's quantity from the
 * treasury to the buyer, and the accepted transfers of one token share one chain transaction ({@code
 * batchForcedTransfer}, at most {@code blockchain.batch.max-transfers-per-transaction} of them).
 *
 * <p>At most one transfer per order, however often it is delivered: each order's settlement row (unique per order)
 * and the signed transaction carrying it are stored, in the database transaction that takes the nonce, before
 * anything is broadcast. A delivery that finds an order's settlement carries on with it: still unsent (a crash, a
 * failed broadcast), its stored bytes are sent again (same nonce, same hash); anything else is on its way. Each order
 * is simulated on its own first: one the contract would refuse fails alone with the contract's reason, and is never
 * signed into a batch.
 */
@Service
public class SettleOrders {

    private static final Logger log = LoggerFactory.getLogger(SettleOrders.class);

    private final SettlementRepository repository;
    private final Settlements settlements;
    private final SignedTransactions transactionsToSend;
    private final SettlementChain chain;
    private final TokenProperties tokens;
    private final SignerProperties accounts;
    private final TransactionalOperator transactions;
    private final Clock clock;

    SettleOrders(
            SettlementRepository repository,
            Settlements settlements,
            SignedTransactions transactionsToSend,
            SettlementChain chain,
            TokenProperties tokens,
            SignerProperties accounts,
            TransactionalOperator transactions,
            Clock clock) {
        this.repository = repository;
        this.settlements = settlements;
        this.transactionsToSend = transactionsToSend;
        this.chain = chain;
        this.tokens = tokens;
        this.accounts = accounts;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Settles the orders, or carries on with the settlements earlier deliveries started. Fails with {@link
     * OrderNotSettleable} for the first order that can never be settled (not a buy, no wallet, a token without a
     * contract), after settling all the others; with {@link ChainUnavailable} when the node cannot be reached, which
     * is worth retrying the whole batch for: what was stored is found again, never signed twice.
     */
    public Mono<Void> settle(List<PlacedOrder> orders) {
        Candidates candidates = Candidates.of(orders, this::transferFor);
        return prepareOrResume(candidates)
                .flatMap(transactionsToSend::send)
                .then(Mono.defer(candidates::failFirstUnsettleable));
    }

    /**
     * Stores the orders' settlements without broadcasting anything: refused, each with its {@code SettlementFailed},
     * or signed into transactions under the agent's next nonces. Returns what is stored for each settleable order,
     * earlier deliveries' settlements included.
     */
    public Mono<List<Settlement>> prepare(List<PlacedOrder> orders) {
        return prepareOrResume(Candidates.of(orders, this::transferFor));
    }

    private Mono<List<Settlement>> prepareOrResume(Candidates candidates) {
        if (candidates.settleable().isEmpty()) {
            return Mono.just(List.of());
        }
        return transactionsToSend
                .ready()
                .then(prepareOrResumeOnce(candidates))
                // Another delivery of some of these orders (a rebalance) stored them first: decide again on what is
                // stored now, once.
                .onErrorResume(SettlementAlreadyExists.class, raced -> prepareOrResumeOnce(candidates));
    }

    private Mono<List<Settlement>> prepareOrResumeOnce(Candidates candidates) {
        List<UUID> orderIds = candidates.settleable().stream()
                .map(candidate -> candidate.order().orderId())
                .toList();
        return repository
                .findAll(orderIds)
                .collectMap(Settlement::orderId)
                .flatMap(stored -> prepareNew(candidates, stored).map(prepared -> {
                    List<Settlement> all = new ArrayList<>(stored.values());
                    all.addAll(prepared);
                    return all;
                }));
    }

    private Mono<List<Settlement>> prepareNew(Candidates candidates, Map<UUID, Settlement> stored) {
        List<Candidate> fresh = candidates.settleable().stream()
                .filter(candidate -> !stored.containsKey(candidate.order().orderId()))
                .toList();
        if (fresh.isEmpty()) {
            return Mono.just(List.of());
        }
        return Flux.fromIterable(byContract(fresh).values())
                .concatMap(sameToken -> preflight(sameToken, candidates))
                .collectList()
                .flatMap(this::store);
    }

    /** Each transfer simulated on its own, one round trip for the token's whole group. */
    private Mono<Preflighted> preflight(List<Candidate> sameToken, Candidates candidates) {
        List<Transfer> transfers = sameToken.stream().map(Candidate::transfer).toList();
        return chain.refusalsOf(transfers, transactionsToSend.sender())
                .map(refusals -> Preflighted.of(sameToken, refusals))
                .onErrorResume(TokenMisconfigured.class, misconfigured -> {
                    log.error(
                            "{}. {} order(s) go to the dead-letter topic, to be replayed once it is fixed",
                            misconfigured.getMessage(),
                            sameToken.size());
                    sameToken.forEach(candidate -> candidates.unsettleable(candidate, misconfigured));
                    return Mono.just(Preflighted.of(List.of(), List.of()));
                });
    }

    /**
     * One database transaction for the whole delivery: the refusals with their events, and per token group of at most
     * the batch size one nonce, one signed transaction and its orders' settlements.
     */
    private Mono<List<Settlement>> store(List<Preflighted> groups) {
        List<Transition> refused = groups.stream()
                .flatMap(group -> group.refused().entrySet().stream())
                .map(refusal -> refusal(refusal.getKey(), refusal.getValue()))
                .toList();
        List<List<Candidate>> batches = groups.stream()
                .flatMap(group -> transactionsToSend.inBatches(group.accepted()).stream())
                .toList();
        return settlements
                .saveAllNew(refused)
                .thenMany(Flux.fromIterable(batches).concatMap(this::storeSigned))
                .collectList()
                .as(transactions::transactional)
                .doOnSuccess(done -> settlements.recorded(refused))
                .map(signed -> {
                    List<Settlement> all = new ArrayList<>(
                            refused.stream().map(Transition::settlement).toList());
                    signed.forEach(all::addAll);
                    return all;
                });
    }

    private Transition refusal(Candidate candidate, String reason) {
        OrderPlaced order = candidate.order();
        WithRequestId.log(
                candidate.requestId(), () -> log.info("Order {} cannot be settled: {}", order.orderId(), reason));
        return Settlement.refused(order.orderId(), order.userId(), candidate.requestId(), candidate.transfer(), reason);
    }

    private Mono<List<Settlement>> storeSigned(List<Candidate> batch) {
        return transactionsToSend
                .signNext(batch.stream().map(Candidate::transfer).toList())
                .map(signed -> batch.stream()
                        .map(candidate -> Settlement.signed(
                                candidate.order().orderId(),
                                candidate.order().userId(),
                                candidate.requestId(),
                                candidate.transfer(),
                                signed,
                                clock.instant()))
                        .toList())
                .flatMap(signed -> repository.insertAll(signed).thenReturn(signed));
    }

    private static Map<String, List<Candidate>> byContract(List<Candidate> candidates) {
        return candidates.stream()
                .collect(Collectors.groupingBy(
                        candidate -> candidate.transfer().contract(), LinkedHashMap::new, Collectors.toList()));
    }

    private Transfer transferFor(OrderPlaced order) {
        if (order.orderId() == null || order.userId() == null || order.tokenSymbol() == null) {
            throw new InvalidOrderPlaced(order.orderId(), "order id, user id and token symbol are required");
        }
        if (order.side() != OrderSide.BUY) {
            throw new InvalidOrderPlaced(order.orderId(), "only buy orders are settled from the treasury");
        }
        if (order.quantity() <= 0) {
            throw new InvalidOrderPlaced(order.orderId(), "quantity " + order.quantity() + " is not positive");
        }
        if (!Transfer.isAddress(order.walletAddress())) {
            throw new InvalidOrderPlaced(order.orderId(), "wallet " + order.walletAddress() + " is not an address");
        }
        String contract = tokens.contractOf(order.tokenSymbol())
                .orElseThrow(() -> new UnknownToken(order.orderId(), order.tokenSymbol()));
        return new Transfer(
                order.tokenSymbol(), contract, accounts.treasuryAddress(), order.walletAddress(), order.quantity());
    }

    /** An order of the delivery with its transfer, and where it stands in the delivery. */
    private record Candidate(int position, OrderPlaced order, Optional<String> requestId, Transfer transfer) {}

    /** A token group after its simulation: the refused with their reasons, and the accepted in delivery order. */
    private record Preflighted(Map<Candidate, String> refused, List<Candidate> accepted) {

        static Preflighted of(List<Candidate> candidates, List<Optional<String>> refusals) {
            Map<Candidate, String> refused = new LinkedHashMap<>();
            List<Candidate> accepted = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                Candidate candidate = candidates.get(i);
                refusals.get(i)
                        .ifPresentOrElse(reason -> refused.put(candidate, reason), () -> accepted.add(candidate));
            }
            return new Preflighted(refused, accepted);
        }
    }

    /**
     * The delivery's orders sorted into those to settle and those that never can be, by position; an order found
     * unsettleable later (its token has no contract at the address) moves over.
     */
    private static final class Candidates {

        private final List<Candidate> settleable = new ArrayList<>();
        private final Map<Integer, PermanentSettlementFailure> unsettleable = new LinkedHashMap<>();

        static Candidates of(List<PlacedOrder> orders, Function<OrderPlaced, Transfer> transferFor) {
            Candidates candidates = new Candidates();
            for (int position = 0; position < orders.size(); position++) {
                PlacedOrder placed = orders.get(position);
                try {
                    candidates.settleable.add(new Candidate(
                            position, placed.order(), placed.requestId(), transferFor.apply(placed.order())));
                } catch (PermanentSettlementFailure failure) {
                    candidates.unsettleable.put(position, failure);
                }
            }
            return candidates;
        }

        synchronized List<Candidate> settleable() {
            return List.copyOf(settleable);
        }

        synchronized void unsettleable(Candidate candidate, PermanentSettlementFailure failure) {
            settleable.remove(candidate);
            unsettleable.put(candidate.position(), failure);
        }

        synchronized Mono<Void> failFirstUnsettleable() {
            return unsettleable.entrySet().stream()
                    .min(Map.Entry.comparingByKey())
                    .map(first -> Mono.<Void>error(new OrderNotSettleable(first.getKey(), first.getValue())))
                    .orElseGet(Mono::empty);
        }
    }
}
