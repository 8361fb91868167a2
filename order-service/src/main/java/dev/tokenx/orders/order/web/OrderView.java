package dev.tokenx.orders.order.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tokenx.orders.order.domain.Confirmations;
import dev.tokenx.orders.order.domain.Order;
import dev.tokenx.orders.shared.money.Inr;
import java.time.Instant;
import java.util.UUID;

/**
 * An order as the investor sees it. INR amounts are decimal strings with 2 decimals ({@code "1000.00"}). The
 * settlement fields ({@code txHash}, {@code confirmations}, {@code requiredConfirmations}, {@code failureReason}) are
 * left out until they are known.
 */
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
        @JsonInclude(JsonInclude.Include.NON_NULL) String txHash,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer confirmations,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer requiredConfirmations,
        @JsonInclude(JsonInclude.Include.NON_NULL) String failureReason,
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
                order.txHash().orElse(null),
                order.confirmations().map(Confirmations::count).orElse(null),
                order.confirmations().map(Confirmations::required).orElse(null),
                order.failureReason().orElse(null),
                order.createdAt());
    }
}
