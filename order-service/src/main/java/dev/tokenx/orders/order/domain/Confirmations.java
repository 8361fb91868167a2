package dev.tokenx.orders.order.domain;

/**
 * How many blocks sit on top of the settlement transaction, of how many the platform waits for.
 *
 * @param count blocks seen, the transaction's own block included
 * @param required blocks after which the transfer counts as final
 */
public record Confirmations(int count, int required) {

    public Confirmations {
        if (count < 0 || required < 1) {
            throw new IllegalArgumentException("Not a confirmation count: " + count + " of " + required);
        }
    }
}
