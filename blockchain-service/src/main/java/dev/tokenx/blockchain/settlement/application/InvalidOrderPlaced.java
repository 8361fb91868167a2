package dev.tokenx.blockchain.settlement.application;

import java.util.UUID;

/** An {@code OrderPlaced} that describes no transfer settlement could make (a sell, a malformed wallet). */
public class InvalidOrderPlaced extends PermanentSettlementFailure {

    public InvalidOrderPlaced(UUID orderId, String problem) {
        super("Order " + orderId + " cannot be settled: " + problem);
    }
}
