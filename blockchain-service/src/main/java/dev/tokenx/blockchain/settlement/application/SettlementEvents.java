package dev.tokenx.blockchain.settlement.application;

import dev.tokenx.blockchain.settlement.domain.SettlementChange;
import dev.tokenx.blockchain.settlement.domain.SettlementChange.Confirmed;
import dev.tokenx.blockchain.settlement.domain.SettlementChange.Confirming;
import dev.tokenx.blockchain.settlement.domain.SettlementChange.Failed;
import dev.tokenx.blockchain.settlement.domain.SettlementChange.Submitted;
import dev.tokenx.events.SettlementConfirmed;
import dev.tokenx.events.SettlementConfirming;
import dev.tokenx.events.SettlementEvent;
import dev.tokenx.events.SettlementFailed;
import dev.tokenx.events.SettlementSubmitted;
import java.time.Instant;
import java.util.UUID;

/** The published form of what happened to a settlement (module common-events). */
final class SettlementEvents {

    private SettlementEvents() {}

    static SettlementEvent of(UUID orderId, SettlementChange change, Instant occurredAt) {
        UUID eventId = UUID.randomUUID();
        return switch (change) {
            case Submitted submitted ->
                new SettlementSubmitted(eventId, orderId, submitted.txHash(), submitted.nonce(), occurredAt);
            case Confirming confirming ->
                new SettlementConfirming(
                        eventId,
                        orderId,
                        confirming.txHash(),
                        confirming.blockNumber(),
                        confirming.confirmations(),
                        confirming.required(),
                        occurredAt);
            case Confirmed confirmed ->
                new SettlementConfirmed(
                        eventId,
                        orderId,
                        confirmed.txHash(),
                        confirmed.blockNumber(),
                        confirmed.confirmations(),
                        occurredAt);
            case Failed failed ->
                new SettlementFailed(eventId, orderId, failed.txHash().orElse(null), failed.reason(), occurredAt);
        };
    }
}
