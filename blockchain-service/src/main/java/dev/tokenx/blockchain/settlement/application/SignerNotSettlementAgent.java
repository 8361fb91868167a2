package dev.tokenx.blockchain.settlement.application;

/**
 * The contract refuses this service's signer with {@code NotSettlementAgent}: its key is not appointed on the token (or
 * was removed). Retrying cannot help and failing the orders would refund buyers for the platform's own mistake, so the
 * token's orders wait on the dead-letter topic until the token's owner appoints the signer ({@code
 * addSettlementAgent}) and an operator replays them.
 */
public class SignerNotSettlementAgent extends TokenMisconfigured {

    public SignerNotSettlementAgent(String tokenSymbol, String contract, String signer) {
        super("The settlement signer " + signer + " is not a settlement agent of " + tokenSymbol + " at " + contract
                + ": the token's owner must appoint it (addSettlementAgent) before its orders can be settled");
    }
}
