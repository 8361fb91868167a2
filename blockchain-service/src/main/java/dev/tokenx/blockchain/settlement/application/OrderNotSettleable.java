package dev.tokenx.blockchain.settlement.application;

/**
 * The order at {@code position} of a batch cannot be settled ever (its {@link #getCause() cause} says why); the
 * batch's other orders were settled. The caller hands that one order to the dead-letter topic.
 */
public class OrderNotSettleable extends RuntimeException {

    private final int position;

    public OrderNotSettleable(int position, PermanentSettlementFailure cause) {
        super(cause.getMessage(), cause);
        this.position = position;
    }

    /** Where the order stands in the list given to {@link SettleOrders#settle}. */
    public int position() {
        return position;
    }
}
