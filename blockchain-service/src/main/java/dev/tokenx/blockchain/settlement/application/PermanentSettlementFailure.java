package dev.tokenx.blockchain.settlement.application;

/**
 * An order that cannot be settled however often it is retried (a broken rule, not a broken network): its record goes
 * to the dead-letter topic at once, for an operator to inspect, fix and replay.
 */
public abstract class PermanentSettlementFailure extends RuntimeException {

    protected PermanentSettlementFailure(String message) {
        super(message);
    }
}
