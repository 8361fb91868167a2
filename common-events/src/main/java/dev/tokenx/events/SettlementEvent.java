package dev.tokenx.events;

import java.util.UUID;

/** Facts about an order's on-chain settlement, published by the blockchain service, keyed by order id. */
public sealed interface SettlementEvent extends DomainEvent
        permits SettlementSubmitted, SettlementConfirming, SettlementConfirmed, SettlementFailed {

    UUID orderId();
}
