package dev.tokenx.blockchain.settlement.application;

import java.util.UUID;

/** No contract is configured for the order's token ({@code blockchain.tokens.<SYMBOL>.contract-address}). */
public class UnknownToken extends PermanentSettlementFailure {

    public UnknownToken(UUID orderId, String symbol) {
        super("Order " + orderId + " is for token " + symbol + ", which has no contract configured");
    }
}
