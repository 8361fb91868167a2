package dev.tokenx.orders.order.web;

import dev.tokenx.orders.order.domain.Order;
import dev.tokenx.orders.shared.money.Inr;
import java.time.Instant;
import java.util.UUID;

/** An order as the investor sees it. INR amounts are decimal strings with 2 decimals ({@code "1000.00"}). */
record OrderView(
        UUID orderId,
        String status,
        String tokenSymbol,
        String side,
        long quantity,
        String limitPrice,
        String price,
        String platformFee,
        String gasFee,
        String total,
        Instant createdAt) {

    static OrderView of(Order order) {
        return new OrderView(
                order.id(),
                order.status().name(),
                order.tokenSymbol(),
                order.side().name(),
                order.quantity(),
                order.limitPrice().map(Inr::toString).orElse(null),
                order.price().toString(),
                order.fees().platformFee().toString(),
                order.fees().gasFee().toString(),
                order.total().toString(),
                order.createdAt());
    }
}
