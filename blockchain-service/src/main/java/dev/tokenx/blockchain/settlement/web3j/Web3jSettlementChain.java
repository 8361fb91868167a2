package dev.tokenx.blockchain.settlement.web3j;

import dev.tokenx.blockchain.settlement.application.BroadcastRejected;
import dev.tokenx.blockchain.settlement.application.ChainUnavailable;
import dev.tokenx.blockchain.settlement.application.ContractMissing;
import dev.tokenx.blockchain.settlement.application.MinedTransaction;
import dev.tokenx.blockchain.settlement.application.SettlementChain;
import dev.tokenx.blockchain.settlement.application.SignerNotSettlementAgent;
import dev.tokenx.blockchain.settlement.domain.SignedTransfer;
import dev.tokenx.blockchain.settlement.domain.Transfer;
import dev.tokenx.contracts.AssetTokenContract;
import dev.tokenx.contracts.AssetTokenError;
import dev.tokenx.contracts.AssetTokenException;
import dev.tokenx.contracts.AssetTokenGasProvider;
import dev.tokenx.contracts.ContractRefusal;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.utils.Numeric;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Settlement's JSON-RPC calls through web3j. Calls block a bounded-elastic thread for at most the configured timeouts;
 * an unreachable node, a timeout or a non-2xx answer becomes {@link ChainUnavailable}, the one transient failure type.
 */
@Component
class Web3jSettlementChain implements SettlementChain {

    /** Receipts asked for in one JSON-RPC batch: one round trip per block however many transfers it holds. */
    private static final int RECEIPTS_PER_BATCH = 100;

    /** JSON-RPC error code nodes use for a reverted {@code eth_call} (EIP-1474 / geth, anvil). */
    private static final int EXECUTION_REVERTED = 3;

    private final Web3j web3j;

    Web3jSettlementChain(Web3j web3j) {
        this.web3j = web3j;
    }

    /** One JSON-RPC batch of {@code eth_call}s: a round trip per batch of orders, not per order. */
    @Override
    public Mono<List<Optional<String>>> refusalsOf(List<Transfer> transfers, String sender) {
        if (transfers.isEmpty()) {
            return Mono.just(List.of());
        }
        BatchRequest batch = web3j.newBatch();
        transfers.forEach(transfer -> batch.add(web3j.ethCall(
                Transaction.createEthCallTransaction(
                        sender,
                        transfer.contract(),
                        AssetTokenContract.encodeForcedTransfer(
                                transfer.from(), transfer.to(), BigInteger.valueOf(transfer.quantity()))),
                DefaultBlockParameterName.LATEST)));
        return Mono.fromCallable(batch::send)
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(Web3jSettlementChain::unreachable, e -> unavailable("simulate transfers", e))
                .map(responses -> {
                    List<Optional<String>> outcomes = new ArrayList<>();
                    for (int i = 0; i < transfers.size(); i++) {
                        outcomes.add(simulationOutcome(transfers.get(i), sender, (EthCall)
                                responses.getResponses().get(i)));
                    }
                    return outcomes;
                });
    }

    @Override
    public Mono<Void> broadcast(SignedTransfer transaction) {
        return rpc(
                        web3j.ethSendRawTransaction(transaction.rawTransaction()),
                        "send transaction " + transaction.txHash())
                .flatMap(sent -> sent.hasError() ? sentBefore(transaction, sent) : checkHash(transaction, sent));
    }

    @Override
    public Mono<Long> pendingNonce(String sender) {
        return rpc(
                        web3j.ethGetTransactionCount(sender, DefaultBlockParameterName.PENDING),
                        "count the transactions of " + sender)
                .map(count -> result(count, "count the transactions of " + sender)
                        .getTransactionCount()
                        .longValueExact());
    }

    @Override
    public Mono<Long> head() {
        return rpc(web3j.ethBlockNumber(), "read the block number")
                .map(number ->
                        result(number, "read the block number").getBlockNumber().longValueExact());
    }

    /** {@code eth_getBlockReceipts}: one call per block however many of its transactions are ours. */
    @Override
    public Mono<List<MinedTransaction>> blockReceipts(long blockNumber) {
        String action = "read the receipts of block " + blockNumber;
        return rpc(web3j.ethGetBlockReceipts(DefaultBlockParameter.valueOf(BigInteger.valueOf(blockNumber))), action)
                .map(receipts -> result(receipts, action)
                        .getBlockReceipts()
                        .orElseThrow(() -> new ChainUnavailable("The node cannot " + action + " yet"))
                        .stream()
                        .map(Web3jSettlementChain::mined)
                        .toList());
    }

    @Override
    public Mono<List<MinedTransaction>> receipts(List<String> txHashes) {
        List<List<String>> batches = new ArrayList<>();
        for (int start = 0; start < txHashes.size(); start += RECEIPTS_PER_BATCH) {
            batches.add(txHashes.subList(start, Math.min(txHashes.size(), start + RECEIPTS_PER_BATCH)));
        }
        return Flux.fromIterable(batches)
                .concatMap(this::receiptBatch)
                .flatMapIterable(mined -> mined)
                .collectList();
    }

    @Override
    public Mono<String> revertReason(Transfer transfer, String txHash) {
        return rpc(web3j.ethGetTransactionReceipt(txHash), "read the receipt of " + txHash)
                .flatMap(receipt -> explain(transfer, result(receipt, "read the receipt of " + txHash)));
    }

    private Optional<String> simulationOutcome(Transfer transfer, String sender, EthCall simulation) {
        if (!simulation.hasError()) {
            if (simulation.getValue() == null
                    || Numeric.cleanHexPrefix(simulation.getValue()).isEmpty()) {
                throw new ContractMissing(transfer.tokenSymbol(), transfer.contract());
            }
            return Optional.empty();
        }
        Response.Error error = simulation.getError();
        Optional<ContractRefusal> refusal = ContractRefusal.decode(error.getData());
        if (refusal.isPresent() && refusal.get().error() == AssetTokenError.NOT_SETTLEMENT_AGENT) {
            throw new SignerNotSettlementAgent(transfer.tokenSymbol(), transfer.contract(), sender);
        }
        if (refusal.isPresent()) {
            return Optional.of(refusal.get().transferReason(transfer.from(), transfer.to()));
        }
        if (error.getCode() == EXECUTION_REVERTED
                || error.getMessage().toLowerCase(Locale.ROOT).contains("revert")) {
            return Optional.of("The transfer would revert: " + error.getMessage());
        }
        throw new ChainUnavailable(
                "The node could not simulate a transfer on " + transfer.contract() + ": " + error.getMessage());
    }

    /**
     * A node that refuses a transaction it already has, or has mined, says so in words that differ between nodes
     * ("already known", "nonce too low", ...): the transaction's own hash settles it.
     */
    private Mono<Void> sentBefore(SignedTransfer transaction, EthSendTransaction refused) {
        String action = "look up transaction " + transaction.txHash();
        return rpc(web3j.ethGetTransactionByHash(transaction.txHash()), action)
                .flatMap(lookup -> result(lookup, action).getTransaction().isPresent()
                        ? Mono.<Void>empty()
                        : Mono.error(new BroadcastRejected(
                                transaction.txHash(), refused.getError().getMessage())));
    }

    /** The node's hash must be the one stored before the broadcast: the tracker looks for that one. */
    private static Mono<Void> checkHash(SignedTransfer transaction, EthSendTransaction sent) {
        String hash = sent.getTransactionHash();
        if (hash != null && !hash.equalsIgnoreCase(transaction.txHash())) {
            return Mono.error(new IllegalStateException(
                    "The node named transaction " + transaction.txHash() + " differently: " + hash));
        }
        return Mono.empty();
    }

    private Mono<List<MinedTransaction>> receiptBatch(List<String> txHashes) {
        BatchRequest batch = web3j.newBatch();
        txHashes.forEach(hash -> batch.add(web3j.ethGetTransactionReceipt(hash)));
        return Mono.fromCallable(batch::send)
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(Web3jSettlementChain::unreachable, e -> unavailable("read receipts", e))
                .map(responses -> responses.getResponses().stream()
                        .map(response -> (EthGetTransactionReceipt) response)
                        .map(response -> result(response, "read receipts").getTransactionReceipt())
                        .flatMap(Optional::stream)
                        .map(Web3jSettlementChain::mined)
                        .toList());
    }

    private Mono<String> explain(Transfer transfer, EthGetTransactionReceipt lookup) {
        TransactionReceipt receipt = lookup.getTransactionReceipt()
                .orElseThrow(() -> new ChainUnavailable("The node lost the receipt of a reverted transfer"));
        AssetTokenContract token = AssetTokenContract.load(
                transfer.contract(),
                web3j,
                new ReadonlyTransactionManager(web3j, transfer.from()),
                new AssetTokenGasProvider(BigInteger.ZERO));
        return Mono.fromCallable(() -> token.refusalOf(receipt)
                        .map(refusal -> refusal.transferReason(transfer.from(), transfer.to()))
                        .orElse("The transfer reverted in transaction " + receipt.getTransactionHash()))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(
                        e -> e instanceof AssetTokenException && e.getCause() != null && unreachable(e.getCause()),
                        e -> unavailable("explain transaction " + receipt.getTransactionHash(), e));
    }

    private static MinedTransaction mined(TransactionReceipt receipt) {
        return new MinedTransaction(
                receipt.getTransactionHash().toLowerCase(Locale.ROOT),
                receipt.getBlockNumber().longValueExact(),
                receipt.isStatusOK());
    }

    private static <T extends Response<?>> Mono<T> rpc(Request<?, T> request, String action) {
        return Mono.fromCallable(request::send)
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(Web3jSettlementChain::unreachable, e -> unavailable(action, e));
    }

    /** A read the node answered with an error (overloaded, rate-limited, behind): worth retrying like an outage. */
    private static <T extends Response<?>> T result(T response, String action) {
        if (response.hasError()) {
            throw new ChainUnavailable(
                    "The node could not " + action + ": " + response.getError().getMessage());
        }
        return response;
    }

    /** web3j reports a non-2xx answer (a 5xx from the node or its proxy) as a {@link ClientConnectionException}. */
    private static boolean unreachable(Throwable error) {
        return error instanceof IOException || error instanceof ClientConnectionException;
    }

    private static ChainUnavailable unavailable(String action, Throwable cause) {
        return new ChainUnavailable("Cannot " + action + ": " + cause.getMessage(), cause);
    }
}
