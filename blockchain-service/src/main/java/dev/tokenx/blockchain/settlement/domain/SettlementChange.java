package dev.tokenx.blockchain.settlement.domain;

import java.util.Optional;

/** What happened to a settlement in one transition; each becomes one published event. */
public sealed interface SettlementChange {

    /** The signed transfer went out to the chain. */
    record Submitted(String txHash, long nonce) implements SettlementChange {}

    /** The transfer is mined in {@code blockNumber} and has {@code confirmations} of {@code required} blocks. */
    record Confirming(String txHash, long blockNumber, int confirmations, int required) implements SettlementChange {}

    /** The transfer has the required confirmations: the order's tokens have moved. */
    record Confirmed(String txHash, long blockNumber, int confirmations) implements SettlementChange {}

    /** The transfer will not happen; {@code txHash} is empty when nothing was broadcast. */
    record Failed(Optional<String> txHash, String reason) implements SettlementChange {}
}
