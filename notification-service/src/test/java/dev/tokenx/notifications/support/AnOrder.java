package dev.tokenx.notifications.support;

import dev.tokenx.events.OrderStatusChanged;
import dev.tokenx.events.PortfolioChanged;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The events of one order as the order service publishes them, each with a new event id: {@code
 * anOrder().of(Users.ALICE).settling()}.
 */
public final class AnOrder {

    public static final int REQUIRED_CONFIRMATIONS = 3;

    private final UUID orderId = UUID.randomUUID();
    private final String txHash = randomTxHash();
    private UUID userId = Users.ALICE;
    private String tokenSymbol = "BLRTECH";

    private AnOrder() {}

    public static AnOrder anOrder() {
        return new AnOrder();
    }

    public AnOrder of(UUID userId) {
        this.userId = userId;
        return this;
    }

    public AnOrder buying(String tokenSymbol) {
        this.tokenSymbol = tokenSymbol;
        return this;
    }

    public UUID id() {
        return orderId;
    }

    public String txHash() {
        return txHash;
    }

    public OrderStatusChanged accepted() {
        return status("ACCEPTED", null, null, null);
    }

    public OrderStatusChanged settling() {
        return status("SETTLING", txHash, null, null);
    }

    public OrderStatusChanged confirming(int confirmations) {
        return status("CONFIRMING", txHash, confirmations, null);
    }

    public OrderStatusChanged completed() {
        return status("COMPLETED", txHash, REQUIRED_CONFIRMATIONS, null);
    }

    public OrderStatusChanged failed(String reason) {
        return status("FAILED", null, null, reason);
    }

    public PortfolioChanged holding(long quantity) {
        return new PortfolioChanged(UUID.randomUUID(), userId, orderId, tokenSymbol, quantity, Instant.now());
    }

    private OrderStatusChanged status(String status, String txHash, Integer confirmations, String reason) {
        return new OrderStatusChanged(
                UUID.randomUUID(),
                orderId,
                userId,
                tokenSymbol,
                status,
                txHash,
                confirmations,
                confirmations == null ? null : REQUIRED_CONFIRMATIONS,
                reason,
                Instant.now());
    }

    private static String randomTxHash() {
        byte[] hash = new byte[32];
        ThreadLocalRandom.current().nextBytes(hash);
        return "0x" + HexFormat.of().formatHex(hash);
    }
}
