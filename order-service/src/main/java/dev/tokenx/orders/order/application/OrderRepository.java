package dev.tokenx.orders.order.application;

import dev.tokenx.orders.order.domain.Order;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface OrderRepository {

    /**
     * Inserts the order unless the user already has one under this key. When another transaction is inserting under
     * the same key, waits for it to finish.
     *
     * @return false when an order with this key existed, in which case nothing was written
     */
    Mono<Boolean> insertIfAbsent(Order order, IdempotencyKey key, String requestFingerprint);

    Mono<KeyedOrder> findByIdempotencyKey(UUID userId, IdempotencyKey key);

    /** Empty when there is no such order or it belongs to someone else. */
    Mono<Order> findOwnedBy(UUID userId, UUID orderId);

    /** Newest first. */
    Flux<Order> findRecentOwnedBy(UUID userId, int limit);

    /** Locks the order until the transaction ends; empty when there is no such order. */
    Mono<Order> findForUpdate(UUID orderId);

    /** Writes the order's status and settlement progress. */
    Mono<Void> updateProgress(Order order);
}
