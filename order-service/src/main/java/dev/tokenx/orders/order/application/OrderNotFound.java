package dev.tokenx.orders.order.application;

/** No such order, or not the caller's: the two are indistinguishable on purpose. */
public final class OrderNotFound extends RuntimeException {

    public OrderNotFound(String orderId) {
        super("No order " + orderId + " was found.", null, false, false);
    }
}
