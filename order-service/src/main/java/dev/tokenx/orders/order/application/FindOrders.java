package dev.tokenx.orders.order.application;

import dev.tokenx.orders.order.domain.Order;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** An investor's view of their own orders; other investors' orders do not exist for them. */
@Service
public class FindOrders {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private final OrderRepository orders;

    public FindOrders(OrderRepository orders) {
        this.orders = orders;
    }

    /** @throws OrderNotFound (as the error signal) for an unknown id, a malformed one, or another user's order */
    public Mono<Order> one(UUID userId, String orderId) {
        return parse(orderId)
                .flatMap(id -> orders.findOwnedBy(userId, id))
                .switchIfEmpty(Mono.error(() -> new OrderNotFound(orderId)));
    }

    public Flux<Order> recent(UUID userId, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
        }
        return orders.findRecentOwnedBy(userId, limit);
    }

    private static Mono<UUID> parse(String orderId) {
        try {
            return Mono.just(UUID.fromString(orderId));
        } catch (IllegalArgumentException notAUuid) {
            return Mono.empty();
        }
    }
}
