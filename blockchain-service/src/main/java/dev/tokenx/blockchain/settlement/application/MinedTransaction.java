package dev.tokenx.blockchain.settlement.application;

/** A transaction's receipt, as far as settlement cares: where it was mined and whether it succeeded. */
public record MinedTransaction(String txHash, long blockNumber, boolean succeeded) {}
