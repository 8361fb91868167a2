package dev.tokenx.blockchain.settlement.application;

/**
 * The token's set-up, not the order, is wrong: every order of the token would fail the same way until an operator fixes
 * the configuration or the contract's roles. Such orders are not failed (nothing is wrong with them, and their funds
 * stay reserved) but go to the dead-letter topic, logged at ERROR, to be replayed once it is fixed.
 */
public abstract class TokenMisconfigured extends PermanentSettlementFailure {

    protected TokenMisconfigured(String message) {
        super(message);
    }
}
