package dev.tokenx.orders.ledger.domain;

import dev.tokenx.orders.shared.money.Inr;

/** The investor's available cash does not cover what an order needs held. */
public final class InsufficientFunds extends RuntimeException {

    public InsufficientFunds(Inr required) {
        super("Your available balance does not cover " + required + " INR.", null, false, false);
    }
}
