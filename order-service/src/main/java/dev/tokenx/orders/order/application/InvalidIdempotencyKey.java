package dev.tokenx.orders.order.application;

public final class InvalidIdempotencyKey extends RuntimeException {

    public InvalidIdempotencyKey() {
        super("must be 1 to 100 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-'", null, false, false);
    }
}
