package dev.tokenx.orders.order.domain;

public final class SideNotSupported extends OrderRejected {

    public SideNotSupported(Side side) {
        super(side + " orders are not supported yet; only BUY orders are.");
    }
}
