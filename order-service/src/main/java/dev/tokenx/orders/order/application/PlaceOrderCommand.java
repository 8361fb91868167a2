package dev.tokenx.orders.order.application;

import dev.tokenx.orders.order.domain.OrderTicket;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * @param userId from the verified token, never from the request body
 * @param requestId the caller's {@code X-Request-Id}, carried into the published event for tracing
 */
public record PlaceOrderCommand(
        UUID userId, IdempotencyKey idempotencyKey, OrderTicket ticket, Optional<String> requestId) {

    public PlaceOrderCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(requestId, "requestId");
    }

    public String fingerprint() {
        return RequestFingerprint.of(ticket);
    }
}
