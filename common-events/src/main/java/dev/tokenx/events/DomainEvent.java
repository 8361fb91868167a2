package dev.tokenx.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Every fact the platform publishes. Records only, no behaviour: readers ignore fields they do not know, so
 * changes stay additive. The logical type name travels in the {@link EventHeaders#EVENT_TYPE} header.
 */
public sealed interface DomainEvent
        permits OrderEvent, SettlementEvent, PortfolioEvent, TokenEvent, AccountEvent, AnnouncementEvent {

    UUID eventId();

    Instant occurredAt();
}
