package dev.tokenx.orders.order.domain;

import dev.tokenx.orders.account.domain.Trader;
import dev.tokenx.orders.catalog.domain.Listing;
import dev.tokenx.orders.catalog.domain.Token;
import dev.tokenx.orders.shared.money.Inr;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An investor's order, from acceptance to settlement. Immutable: a transition returns the order in its new status.
 *
 * <p>{@link #place} is where the platform decides whether to take an order, checking its rules in a fixed order so
 * that an investor always gets the same answer for the same situation: side, then KYC, then listing, then limit.
 */
public final class Order {

    private final UUID id;
    private final UUID userId;
    private final String walletAddress;
    private final String tokenSymbol;
    private final Side side;
    private final long quantity;
    private final Optional<Inr> limitPrice;
    private final Inr price;
    private final Fees fees;
    private final OrderStatus status;
    private final Optional<String> failureReason;
    private final Optional<String> txHash;
    private final Optional<Confirmations> confirmations;
    private final Instant createdAt;
    private final Instant updatedAt;

    private Order(
            UUID id,
            UUID userId,
            String walletAddress,
            String tokenSymbol,
            Side side,
            long quantity,
            Optional<Inr> limitPrice,
            Inr price,
            Fees fees,
            OrderStatus status,
            Optional<String> failureReason,
            Optional<String> txHash,
            Optional<Confirmations> confirmations,
            Instant createdAt,
            Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.walletAddress = Objects.requireNonNull(walletAddress, "walletAddress");
        this.tokenSymbol = Objects.requireNonNull(tokenSymbol, "tokenSymbol");
        this.side = Objects.requireNonNull(side, "side");
        this.quantity = quantity;
        this.limitPrice = Objects.requireNonNull(limitPrice, "limitPrice");
        this.price = Objects.requireNonNull(price, "price");
        this.fees = Objects.requireNonNull(fees, "fees");
        this.status = Objects.requireNonNull(status, "status");
        this.failureReason = Objects.requireNonNull(failureReason, "failureReason");
        this.txHash = Objects.requireNonNull(txHash, "txHash");
        this.confirmations = Objects.requireNonNull(confirmations, "confirmations");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * Accepts an order at the listed price.
     *
     * @throws SideNotSupported for anything but a buy
     * @throws KycRequired when the trader is not verified or has no wallet
     * @throws UnknownToken when the symbol is not listed
     * @throws PriceAboveLimit when the listed price is above the ticket's limit
     */
    public static Order place(
            UUID id, Trader trader, OrderTicket ticket, Listing listing, FeePolicy feePolicy, Instant now) {
        if (ticket.side() != Side.BUY) {
            throw new SideNotSupported(ticket.side());
        }
        if (!trader.mayTrade()) {
            throw new KycRequired(trader);
        }
        Token token = listedToken(listing, ticket);
        Inr price = token.price();
        Optional<Inr> exceededLimit = ticket.limitPrice().filter(price::isGreaterThan);
        if (exceededLimit.isPresent()) {
            throw new PriceAboveLimit(token.symbol(), price, exceededLimit.get());
        }
        Fees fees = feePolicy.feesFor(price.times(ticket.quantity()));
        return new Order(
                id,
                trader.userId(),
                trader.walletAddress().orElseThrow(),
                token.symbol(),
                ticket.side(),
                ticket.quantity(),
                ticket.limitPrice(),
                price,
                fees,
                OrderStatus.ACCEPTED,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                now,
                now);
    }

    /** Rebuilds an order from storage, where it was valid when written. */
    public static Order restore(
            UUID id,
            UUID userId,
            String walletAddress,
            String tokenSymbol,
            Side side,
            long quantity,
            Optional<Inr> limitPrice,
            Inr price,
            Fees fees,
            OrderStatus status,
            Optional<String> failureReason,
            Optional<String> txHash,
            Optional<Confirmations> confirmations,
            Instant createdAt,
            Instant updatedAt) {
        return new Order(
                id,
                userId,
                walletAddress,
                tokenSymbol,
                side,
                quantity,
                limitPrice,
                price,
                fees,
                status,
                failureReason,
                txHash,
                confirmations,
                createdAt,
                updatedAt);
    }

    private static Token listedToken(Listing listing, OrderTicket ticket) {
        return switch (listing) {
            case Listing.Listed listed when listed.symbol().equals(ticket.tokenSymbol()) -> listed.token();
            case Listing.Listed listed ->
                throw new IllegalArgumentException(
                        "Listing of " + listed.symbol() + " given for a ticket on " + ticket.tokenSymbol());
            case Listing.Unlisted unlisted -> throw new UnknownToken(unlisted.symbol());
        };
    }

    /*
     * Settlement news arrives at least once and may be late: each transition below answers empty for news the order
     * has already taken in or moved past (a redelivered event, "confirming 1" after "confirming 2"), and throws only
     * for news that contradicts a final outcome, which no redelivery can explain.
     */

    /**
     * The settlement transaction was broadcast.
     *
     * @return the order {@code SETTLING} with the transaction hash, or empty when it is past that already
     */
    public Optional<Order> settling(String txHash, Instant at) {
        requireTxHash(txHash);
        if (status != OrderStatus.ACCEPTED) {
            return Optional.empty();
        }
        return Optional.of(moveTo(OrderStatus.SETTLING, Optional.empty(), Optional.of(txHash), confirmations, at));
    }

    /**
     * The settlement transaction was mined and is gathering confirmations.
     *
     * @return the order {@code CONFIRMING} with the new count, or empty when it knows of as many confirmations or
     *     more, or is finished
     */
    public Optional<Order> confirming(String txHash, Confirmations seen, Instant at) {
        requireTxHash(txHash);
        Objects.requireNonNull(seen, "seen");
        if (status.isFinal()
                || confirmations.filter(known -> known.count() >= seen.count()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(
                moveTo(OrderStatus.CONFIRMING, Optional.empty(), Optional.of(txHash), Optional.of(seen), at));
    }

    /**
     * The settlement transaction has all its confirmations: the tokens are the investor's.
     *
     * @return the order {@code COMPLETED}, or empty when it is already
     * @throws OrderAlreadyFinished when the order failed: its hold was released, there is nothing left to capture
     */
    public Optional<Order> complete(String txHash, int confirmationCount, Instant at) {
        requireTxHash(txHash);
        if (status == OrderStatus.COMPLETED) {
            return Optional.empty();
        }
        int required = confirmations.map(Confirmations::required).orElse(confirmationCount);
        return Optional.of(moveTo(
                OrderStatus.COMPLETED,
                Optional.empty(),
                Optional.of(txHash),
                Optional.of(new Confirmations(confirmationCount, required)),
                at));
    }

    /**
     * Settlement gave up; the reason is shown to the investor with the refund.
     *
     * @param txHash the transaction that failed, empty when nothing was broadcast
     * @return the order {@code FAILED}, or empty when it is already
     * @throws OrderAlreadyFinished when the order completed: the tokens moved and the cash was captured
     */
    public Optional<Order> fail(String reason, Optional<String> txHash, Instant at) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A failed order says why");
        }
        if (status == OrderStatus.FAILED) {
            return Optional.empty();
        }
        return Optional.of(moveTo(
                OrderStatus.FAILED,
                Optional.of(FailureReason.bounded(reason)),
                txHash.or(() -> this.txHash),
                confirmations,
                at));
    }

    private Order moveTo(
            OrderStatus next,
            Optional<String> reason,
            Optional<String> hash,
            Optional<Confirmations> seen,
            Instant at) {
        if (status.isFinal()) {
            throw new OrderAlreadyFinished(id, status, next);
        }
        if (!status.mayBecome(next)) {
            throw new OrderTransitionNotAllowed(id, status, next);
        }
        return new Order(
                id,
                userId,
                walletAddress,
                tokenSymbol,
                side,
                quantity,
                limitPrice,
                price,
                fees,
                next,
                reason,
                hash,
                seen,
                createdAt,
                at);
    }

    private static void requireTxHash(String txHash) {
        if (txHash == null || txHash.isBlank()) {
            throw new IllegalArgumentException("A settlement transaction has a hash");
        }
    }

    /** The price of the tokens alone, before fees. */
    public Inr value() {
        return price.times(quantity);
    }

    /** What the investor pays: value plus fees; the amount held from their available cash. */
    public Inr total() {
        return value().plus(fees.total());
    }

    public UUID id() {
        return id;
    }

    public UUID userId() {
        return userId;
    }

    /** Where settlement delivers the tokens: the trader's wallet when the order was placed. */
    public String walletAddress() {
        return walletAddress;
    }

    public String tokenSymbol() {
        return tokenSymbol;
    }

    public Side side() {
        return side;
    }

    public long quantity() {
        return quantity;
    }

    public Optional<Inr> limitPrice() {
        return limitPrice;
    }

    public Inr price() {
        return price;
    }

    public Fees fees() {
        return fees;
    }

    public OrderStatus status() {
        return status;
    }

    public Optional<String> failureReason() {
        return failureReason;
    }

    /** The settlement transaction, once one was broadcast. */
    public Optional<String> txHash() {
        return txHash;
    }

    /** Known once the settlement transaction is mined. */
    public Optional<Confirmations> confirmations() {
        return confirmations;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
