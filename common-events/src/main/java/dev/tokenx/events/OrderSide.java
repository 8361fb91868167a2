package dev.tokenx.events;

public enum OrderSide {
    BUY,
    SELL
}
