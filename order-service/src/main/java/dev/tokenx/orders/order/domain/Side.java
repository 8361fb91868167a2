package dev.tokenx.orders.order.domain;

public enum Side {
    BUY,
    SELL
}
