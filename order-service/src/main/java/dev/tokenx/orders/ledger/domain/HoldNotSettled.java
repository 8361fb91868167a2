package dev.tokenx.orders.ledger.domain;

import java.util.Locale;
import java.util.UUID;

/** The order has no open hold of the expected amount: it was settled already, or the ledger disagrees with it. */
public final class HoldNotSettled extends RuntimeException {

    public HoldNotSettled(UUID orderId, HoldStatus outcome) {
        super("The funds hold of order " + orderId + " could not be "
                + outcome.name().toLowerCase(Locale.ROOT) + ": no open hold of that amount");
    }
}
