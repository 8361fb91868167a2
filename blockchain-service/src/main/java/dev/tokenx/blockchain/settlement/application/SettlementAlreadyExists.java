package dev.tokenx.blockchain.settlement.application;

import java.util.UUID;

/** Another delivery of the same order stored its settlement first. */
public class SettlementAlreadyExists extends RuntimeException {

    public SettlementAlreadyExists(UUID orderId) {
        super("Order " + orderId + " already has a settlement");
    }
}
