package dev.tokenx.orders.order.application;

import dev.tokenx.orders.order.domain.Order;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface OrderRepository {

    /**
     * Writes the order, its funds hold and its events atomically, or nothing: in one round trip to the database, so
     * it needs no transaction. When another placement under the same key is being written, waits for it.
     */
    Mono<NewPlacement.Outcome> insert(NewPlacement placement);

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
