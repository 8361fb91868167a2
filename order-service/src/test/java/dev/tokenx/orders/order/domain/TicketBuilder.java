package dev.tokenx.orders.order.domain;

import dev.tokenx.orders.shared.money.Inr;
import java.util.Optional;

/** {@code aTicket().buy(10).of("BLRTECH").withLimit("900.00").build()} */
final class TicketBuilder {

    private String symbol = "BLRTECH";
    private Side side = Side.BUY;
    private long quantity = 1;
    private Optional<Inr> limit = Optional.empty();

    static TicketBuilder aTicket() {
        return new TicketBuilder();
    }

    TicketBuilder buy(long quantity) {
        this.side = Side.BUY;
        this.quantity = quantity;
        return this;
    }

    TicketBuilder sell(long quantity) {
        this.side = Side.SELL;
        this.quantity = quantity;
        return this;
    }

    TicketBuilder of(String symbol) {
        this.symbol = symbol;
        return this;
    }

    TicketBuilder withLimit(String limit) {
        this.limit = Optional.of(Inr.of(limit));
        return this;
    }

    OrderTicket build() {
        return new OrderTicket(symbol, side, quantity, limit);
    }
}
