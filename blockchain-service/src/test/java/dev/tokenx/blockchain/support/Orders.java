package dev.tokenx.blockchain.support;

import dev.tokenx.events.EventJson;
import dev.tokenx.events.OrderPlaced;
import dev.tokenx.events.OrderSide;
import dev.tokenx.events.samples.GoldenSamples;
import java.time.Instant;
import java.util.UUID;

/**
 * Placed orders shaped like the golden sample {@code order-placed.v1}, the contract the order service publishes to:
 * {@code anOrder().of("BLRTECH").buying(10).to(wallet).build()}.
 */
public final class Orders {

    private static final OrderPlaced SAMPLE = golden();

    private UUID orderId = UUID.randomUUID();
    private String tokenSymbol = SAMPLE.tokenSymbol();
    private long quantity = SAMPLE.quantity();
    private String wallet = SAMPLE.walletAddress();
    private OrderSide side = SAMPLE.side();

    private Orders() {}

    public static Orders anOrder() {
        return new Orders();
    }

    /** The golden sample itself, as the order service writes it. */
    public static OrderPlaced golden() {
        return EventJson.read(OrderPlaced.class, GoldenSamples.read("order-placed.v1"));
    }

    public Orders of(String tokenSymbol) {
        this.tokenSymbol = tokenSymbol;
        return this;
    }

    public Orders buying(long quantity) {
        this.quantity = quantity;
        return this;
    }

    public Orders to(String wallet) {
        this.wallet = wallet;
        return this;
    }

    public Orders selling() {
        this.side = OrderSide.SELL;
        return this;
    }

    public OrderPlaced build() {
        return new OrderPlaced(
                UUID.randomUUID(),
                orderId,
                SAMPLE.userId(),
                wallet,
                tokenSymbol,
                side,
                quantity,
                SAMPLE.price(),
                SAMPLE.platformFee(),
                SAMPLE.gasFee(),
                SAMPLE.total(),
                Instant.now());
    }
}
