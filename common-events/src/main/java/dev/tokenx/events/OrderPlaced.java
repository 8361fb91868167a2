package dev.tokenx.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An order was accepted and its funds are held. Everything settlement needs travels with it, so the blockchain
 * service never calls back. Amounts are INR with 2 decimals, written as decimal strings.
 */
public record OrderPlaced(
        UUID eventId,
        UUID orderId,
        UUID userId,
        String walletAddress,
        String tokenSymbol,
        OrderSide side,
        long quantity,
        BigDecimal price,
        BigDecimal platformFee,
        BigDecimal gasFee,
        BigDecimal total,
        Instant occurredAt)
        implements OrderEvent {}
