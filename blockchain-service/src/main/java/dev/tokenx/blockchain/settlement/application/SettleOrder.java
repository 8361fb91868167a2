package dev.tokenx.blockchain.settlement.application;

import dev.tokenx.blockchain.network.SignerProperties;
import dev.tokenx.blockchain.network.TokenProperties;
import dev.tokenx.blockchain.settlement.domain.Settlement;
import dev.tokenx.blockchain.settlement.domain.SettlementStatus;
import dev.tokenx.blockchain.settlement.domain.Transfer;
import dev.tokenx.blockchain.settlement.domain.Transition;
import dev.tokenx.events.OrderPlaced;
import dev.tokenx.events.OrderSide;
import dev.tokenx.security.WithRequestId;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Settles a placed order: the agent forces a transfer of the order's quantity from the treasury to the buyer.
 *
 * <p>At most one transfer per order, however often the order is delivered: the settlement row (unique per order) and
 * the signed transaction are stored, in the transaction that takes the nonce, before anything is broadcast. A delivery
 * that finds the order's settlement still unsent (a crash, a failed broadcast) sends the stored bytes again: same
 * nonce, same hash. A transfer the contract would refuse is failed with the contract's reason, and nothing is signed.
 */
@Service
public class SettleOrder {

    private static final Logger log = LoggerFactory.getLogger(SettleOrder.class);

    private final SettlementRepository repository;
    private final Settlements settlements;
    private final SenderNonces nonces;
    private final SettlementChain chain;
    private final TransferSigner signer;
    private final TokenProperties tokens;
    private final SignerProperties accounts;
    private final TransactionalOperator transactions;
    private final Clock clock;

    SettleOrder(
            SettlementRepository repository,
            Settlements settlements,
            SenderNonces nonces,
            SettlementChain chain,
            TransferSigner signer,
            TokenProperties tokens,
            SignerProperties accounts,
            TransactionalOperator transactions,
            Clock clock) {
        this.repository = repository;
        this.settlements = settlements;
        this.nonces = nonces;
        this.chain = chain;
        this.signer = signer;
        this.tokens = tokens;
        this.accounts = accounts;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Settles the order, or carries on with the settlement an earlier delivery started.
     *
     * @param requestId the request that placed the order, carried into the settlement's events
     */
    public Mono<Void> settle(OrderPlaced order, Optional<String> requestId) {
        return Mono.fromSupplier(() -> transferFor(order)).flatMap(transfer -> settle(order, requestId, transfer));
    }

    /**
     * Stores the order's settlement without broadcasting anything: refused, with its {@code SettlementFailed}, or
     * signed under the agent's next nonce. Returns what is stored, which is an earlier delivery's settlement when one
     * raced this one.
     */
    public Mono<Settlement> prepare(OrderPlaced order, Optional<String> requestId) {
        return Mono.fromSupplier(() -> transferFor(order)).flatMap(transfer -> prepare(order, requestId, transfer));
    }

    private Mono<Void> settle(OrderPlaced order, Optional<String> requestId, Transfer transfer) {
        return repository
                .find(order.orderId())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(stored -> stored.map(this::resume)
                        .orElseGet(() -> prepare(order, requestId, transfer).flatMap(this::send)));
    }

    private Mono<Void> resume(Settlement stored) {
        if (stored.status() == SettlementStatus.SIGNED) {
            WithRequestId.log(
                    stored.requestId(),
                    () -> log.info(
                            "Order {} was signed but not sent: sending its stored transaction {} again",
                            stored.orderId(),
                            stored.signed().orElseThrow().txHash()));
        }
        return send(stored);
    }

    private Mono<Settlement> prepare(OrderPlaced order, Optional<String> requestId, Transfer transfer) {
        String sender = signer.sender();
        return nonces.ensureTracked(sender)
                .then(chain.refusalOf(transfer, sender))
                .flatMap(refusal -> refusal.map(reason -> storeRefusal(order, requestId, transfer, reason))
                        .orElseGet(() -> storeSigned(order, requestId, transfer)))
                .onErrorResume(SettlementAlreadyExists.class, raced -> repository.find(order.orderId()));
    }

    private Mono<Settlement> storeRefusal(
            OrderPlaced order, Optional<String> requestId, Transfer transfer, String reason) {
        WithRequestId.log(requestId, () -> log.info("Order {} cannot be settled: {}", order.orderId(), reason));
        Transition refused = Settlement.refused(order.orderId(), order.userId(), requestId, transfer, reason);
        return settlements.create(refused).thenReturn(refused.settlement());
    }

    /** One transaction takes the nonce and stores what was signed with it: a rollback gives the nonce back. */
    private Mono<Settlement> storeSigned(OrderPlaced order, Optional<String> requestId, Transfer transfer) {
        return nonces.allocate(signer.sender())
                .map(nonce -> Settlement.signed(
                        order.orderId(),
                        order.userId(),
                        requestId,
                        transfer,
                        signer.sign(transfer, nonce),
                        clock.instant()))
                .flatMap(signed -> repository.insert(signed).thenReturn(signed))
                .as(transactions::transactional);
    }

    /** Broadcasts a settlement that is signed and not yet sent; any other settlement is already on its way. */
    private Mono<Void> send(Settlement settlement) {
        if (settlement.status() != SettlementStatus.SIGNED) {
            return Mono.empty();
        }
        return chain.broadcast(settlement.signed().orElseThrow())
                .then(Mono.defer(() -> settlements.apply(settlement, this::recordBroadcast)));
    }

    private Optional<Transition> recordBroadcast(Settlement current) {
        return current.status() == SettlementStatus.SIGNED
                ? Optional.of(current.broadcast(clock.instant()))
                : Optional.empty();
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
}
