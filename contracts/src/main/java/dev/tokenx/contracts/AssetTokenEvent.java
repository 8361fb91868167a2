package dev.tokenx.contracts;

import java.math.BigInteger;

/**
 * The events AssetToken.sol emits, one record each, decoded from a receipt's logs by {@link
 * AssetTokenContract#eventsIn}. Addresses are checksummed strings.
 */
public sealed interface AssetTokenEvent {

    /** Tokens moved; {@code from} is the zero address for a mint. */
    record Transfer(String from, String to, BigInteger value) implements AssetTokenEvent {}

    /** The owner appointed an account to force transfers (settlement). */
    record SettlementAgentAdded(String agent) implements AssetTokenEvent {}

    record SettlementAgentRemoved(String agent) implements AssetTokenEvent {}

    /** The owner appointed an account to whitelist, freeze and pause (compliance). */
    record ComplianceAgentAdded(String agent) implements AssetTokenEvent {}

    record ComplianceAgentRemoved(String agent) implements AssetTokenEvent {}

    /** An agent put an account on the KYC whitelist ({@code verified}) or took it off. */
    record VerificationUpdated(String account, boolean verified, String agent) implements AssetTokenEvent {}

    record FreezeUpdated(String account, boolean frozen, String agent) implements AssetTokenEvent {}

    record Paused(String agent) implements AssetTokenEvent {}

    record Unpaused(String agent) implements AssetTokenEvent {}
}
