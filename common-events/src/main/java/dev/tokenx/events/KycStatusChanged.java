package dev.tokenx.events;

import java.time.Instant;
import java.util.UUID;

/** An investor's KYC status changed ({@code PENDING}, {@code VERIFIED}, {@code REJECTED}). */
public record KycStatusChanged(UUID eventId, UUID userId, String kycStatus, Instant occurredAt)
        implements AccountEvent {}
