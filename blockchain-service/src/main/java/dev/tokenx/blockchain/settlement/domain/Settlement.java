package dev.tokenx.blockchain.settlement.domain;

import dev.tokenx.blockchain.settlement.domain.SettlementChange.Confirmed;
import dev.tokenx.blockchain.settlement.domain.SettlementChange.Confirming;
import dev.tokenx.blockchain.settlement.domain.SettlementChange.Failed;
import dev.tokenx.blockchain.settlement.domain.SettlementChange.Submitted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The on-chain settlement of one order, one per order id: it exists before anything is sent, and from the moment it is
 * signed it carries the one transaction the order will ever have. Transitions are guarded and return what happened;
 * {@code version} is the stored version the next save must find (optimistic concurrency between the consumer and the
 * tracker, and between instances).
 */
public final class Settlement {

    private final UUID orderId;
    private final UUID userId;
    private final Optional<String> requestId;
    private final Transfer transfer;
    private final SettlementStatus status;
    private final Optional<SignedTransfer> signed;
    private final Optional<Instant> lastSentAt;
    private final OptionalLong minedBlock;
    private final int confirmations;
    private final Optional<String> failureReason;
    private final long version;

    private Settlement(
            UUID orderId,
            UUID userId,
            Optional<String> requestId,
            Transfer transfer,
            SettlementStatus status,
            Optional<SignedTransfer> signed,
            Optional<Instant> lastSentAt,
            OptionalLong minedBlock,
            int confirmations,
            Optional<String> failureReason,
            long version) {
        this.orderId = Objects.requireNonNull(orderId, "orderId");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.requestId = requestId;
        this.transfer = Objects.requireNonNull(transfer, "transfer");
        this.status = Objects.requireNonNull(status, "status");
        this.signed = signed;
        this.lastSentAt = lastSentAt;
        this.minedBlock = minedBlock;
        this.confirmations = confirmations;
        this.failureReason = failureReason;
        this.version = version;
        if (signed.isEmpty() && status != SettlementStatus.FAILED) {
            throw new IllegalArgumentException("Only a refused settlement has no signed transaction: " + orderId);
        }
    }

    /** A transfer signed under its nonce, stored before it is broadcast. */
    public static Settlement signed(
            UUID orderId,
            UUID userId,
            Optional<String> requestId,
            Transfer transfer,
            SignedTransfer signed,
            Instant signedAt) {
        return new Settlement(
                orderId,
                userId,
                requestId,
                transfer,
                SettlementStatus.SIGNED,
                Optional.of(signed),
                Optional.of(signedAt),
                OptionalLong.empty(),
                0,
                Optional.empty(),
                0);
    }

    /** A transfer the contract refused before anything was signed or sent; the reason is bounded in length. */
    public static Transition refused(
            UUID orderId, UUID userId, Optional<String> requestId, Transfer transfer, String chainReason) {
        String reason = FailureReason.bounded(chainReason);
        Settlement failed = new Settlement(
                orderId,
                userId,
                requestId,
                transfer,
                SettlementStatus.FAILED,
                Optional.empty(),
                Optional.empty(),
                OptionalLong.empty(),
                0,
                Optional.of(reason),
                0);
        return new Transition(failed, List.of(new Failed(Optional.empty(), reason)));
    }

    /** A settlement as it was stored. */
    public static Settlement restore(
            UUID orderId,
            UUID userId,
            Optional<String> requestId,
            Transfer transfer,
            SettlementStatus status,
            Optional<SignedTransfer> signed,
            Optional<Instant> lastSentAt,
            OptionalLong minedBlock,
            int confirmations,
            Optional<String> failureReason,
            long version) {
        return new Settlement(
                orderId,
                userId,
                requestId,
                transfer,
                status,
                signed,
                lastSentAt,
                minedBlock,
                confirmations,
                failureReason,
                version);
    }

    /**
     * The signed transaction was (re-)sent to the chain. The first time, the order learns its transaction hash; after
     * that, a re-send changes nothing but the time.
     */
    public Transition broadcast(Instant sentAt) {
        requireAwaitingMining("record a broadcast");
        List<SettlementChange> changes = status == SettlementStatus.SIGNED ? List.of(submittedChange()) : List.of();
        return new Transition(with(SettlementStatus.SUBMITTED, Optional.of(sentAt)), changes);
    }

    /**
     * The transaction succeeded in {@code blockNumber}; {@code head} is the latest block. A transaction found mined
     * before its broadcast was recorded (a crash, or the tracker first) reports its submission first.
     */
    public Transition mined(long blockNumber, long head, int required) {
        requireAwaitingMining("be mined");
        List<SettlementChange> changes = new ArrayList<>();
        if (status == SettlementStatus.SIGNED) {
            changes.add(submittedChange());
        }
        Settlement confirming = new Settlement(
                orderId,
                userId,
                requestId,
                transfer,
                SettlementStatus.CONFIRMING,
                signed,
                lastSentAt,
                OptionalLong.of(blockNumber),
                0,
                Optional.empty(),
                version);
        Transition observed = confirming.observe(head, required);
        changes.addAll(observed.changes());
        return new Transition(observed.settlement(), changes);
    }

    /** The transaction was mined but reverted: the tokens did not move. The reason is bounded in length. */
    public Transition reverted(String chainReason) {
        requireAwaitingMining("revert");
        String reason = FailureReason.bounded(chainReason);
        List<SettlementChange> changes = new ArrayList<>();
        if (status == SettlementStatus.SIGNED) {
            changes.add(submittedChange());
        }
        changes.add(new Failed(Optional.of(txHash()), reason));
        Settlement failed = new Settlement(
                orderId,
                userId,
                requestId,
                transfer,
                SettlementStatus.FAILED,
                signed,
                lastSentAt,
                minedBlock,
                confirmations,
                Optional.of(reason),
                version);
        return new Transition(failed, changes);
    }

    /**
     * The batch transaction that carried this transfer with others was mined and reverted because of another order's
     * transfer: a reverted transaction moves nothing, so this order's tokens have not moved and it is signed again, in
     * a new transaction under a new nonce, without breaking "one transfer per order". Nothing is announced until that
     * transaction is sent ({@link #broadcast} then reports it).
     */
    public Transition resigned(SignedTransfer next, Instant signedAt) {
        requireAwaitingMining("be signed again");
        if (next.txHash().equals(txHash())) {
            throw new IllegalArgumentException("Signing again needs a new transaction, not " + next.txHash());
        }
        Settlement resigned = new Settlement(
                orderId,
                userId,
                requestId,
                transfer,
                SettlementStatus.SIGNED,
                Optional.of(next),
                Optional.of(signedAt),
                OptionalLong.empty(),
                0,
                Optional.empty(),
                version);
        return new Transition(resigned, List.of());
    }

    /**
     * The chain's head is {@code head}: announces each confirmation count not announced yet, one by one below
     * {@code required}, then the confirmation itself. Observing a head that adds no confirmation changes nothing.
     */
    public Transition observe(long head, int required) {
        if (status != SettlementStatus.CONFIRMING) {
            throw new SettlementTransitionNotAllowed(orderId, status, "count confirmations");
        }
        if (required < 1) {
            throw new IllegalArgumentException("At least one confirmation is required, not " + required);
        }
        long block = minedBlock.orElseThrow();
        int count = (int) Math.min(Integer.MAX_VALUE, Math.max(0, head - block + 1));
        if (count <= confirmations) {
            return new Transition(this, List.of());
        }
        List<SettlementChange> changes = new ArrayList<>();
        for (int n = confirmations + 1; n <= Math.min(count, required - 1); n++) {
            changes.add(new Confirming(txHash(), block, n, required));
        }
        SettlementStatus next = SettlementStatus.CONFIRMING;
        if (count >= required) {
            changes.add(new Confirmed(txHash(), block, count));
            next = SettlementStatus.CONFIRMED;
        }
        Settlement observed = new Settlement(
                orderId,
                userId,
                requestId,
                transfer,
                next,
                signed,
                lastSentAt,
                minedBlock,
                count,
                failureReason,
                version);
        return new Transition(observed, changes);
    }

    public boolean awaitsMining() {
        return status.awaitsMining();
    }

    public UUID orderId() {
        return orderId;
    }

    public UUID userId() {
        return userId;
    }

    public Optional<String> requestId() {
        return requestId;
    }

    public Transfer transfer() {
        return transfer;
    }

    public SettlementStatus status() {
        return status;
    }

    public Optional<SignedTransfer> signed() {
        return signed;
    }

    /** When the transaction was last sent to the chain, or signed if it never was. */
    public Optional<Instant> lastSentAt() {
        return lastSentAt;
    }

    public OptionalLong minedBlock() {
        return minedBlock;
    }

    /** The confirmations announced so far. */
    public int confirmations() {
        return confirmations;
    }

    public Optional<String> failureReason() {
        return failureReason;
    }

    public long version() {
        return version;
    }

    private String txHash() {
        return signed.orElseThrow().txHash();
    }

    private Submitted submittedChange() {
        SignedTransfer transaction = signed.orElseThrow();
        return new Submitted(transaction.txHash(), transaction.nonce());
    }

    private void requireAwaitingMining(String transition) {
        if (!awaitsMining()) {
            throw new SettlementTransitionNotAllowed(orderId, status, transition);
        }
    }

    private Settlement with(SettlementStatus nextStatus, Optional<Instant> sentAt) {
        return new Settlement(
                orderId,
                userId,
                requestId,
                transfer,
                nextStatus,
                signed,
                sentAt,
                minedBlock,
                confirmations,
                failureReason,
                version);
    }

    @Override
    public String toString() {
        return "Settlement[order=" + orderId + ", status=" + status + ", tx="
                + signed.map(SignedTransfer::txHash).orElse("none") + ", version=" + version + "]";
    }
}
