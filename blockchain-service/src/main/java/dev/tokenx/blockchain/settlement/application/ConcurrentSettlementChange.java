package dev.tokenx.blockchain.settlement.application;

import java.util.UUID;

/** Another writer (the consumer, the tracker, another instance) changed the settlement since it was read. */
class ConcurrentSettlementChange extends RuntimeException {

    ConcurrentSettlementChange(UUID orderId) {
        super("Settlement of order " + orderId + " changed concurrently");
    }
}
