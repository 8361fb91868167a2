package dev.tokenx.blockchain.settlement.application;

/**
 * Nothing that behaves like an AssetToken answers at a configured contract address: a call to an address without code
 * "succeeds" and moves nothing, so settlement must not go on as if the transfer had happened.
 */
public class ContractMissing extends TokenMisconfigured {

    public ContractMissing(String tokenSymbol, String contract) {
        super("No AssetToken answers at " + contract + ", the contract configured for " + tokenSymbol
                + " (blockchain.tokens." + tokenSymbol + ".contract-address)");
    }
}
