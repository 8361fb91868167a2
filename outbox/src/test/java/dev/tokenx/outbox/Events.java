package dev.tokenx.outbox;

import dev.tokenx.events.OrderPlaced;
import dev.tokenx.events.OrderSide;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Events for the outbox to carry; their content is irrelevant to it, their key and order are not. */
final class Events {

    private Events() {}

    /** An order placed event whose quantity is its position among its order's events. */
    static OrderPlaced orderPlaced(UUID orderId, int sequence) {
        return new OrderPlaced(
                UUID.randomUUID(),
                orderId,
                UUID.randomUUID(),
                "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
                "BLRTECH",
                OrderSide.BUY,
                sequence,
                new BigDecimal("1000.00"),
                new BigDecimal("10.00"),
                new BigDecimal("5.00"),
                new BigDecimal("1015.00"),
                Instant.now());
    }
}
