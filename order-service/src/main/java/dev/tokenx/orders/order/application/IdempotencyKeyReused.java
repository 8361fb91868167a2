package dev.tokenx.orders.order.application;

/** The key was first used for a different request: answering with that request's order would mislead. */
public final class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(IdempotencyKey key) {
        super(
                "The Idempotency-Key " + key.value() + " was already used for a different order request.",
                null,
                false,
                false);
    }
}
