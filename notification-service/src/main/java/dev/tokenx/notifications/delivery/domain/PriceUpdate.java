package dev.tokenx.notifications.delivery.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * The body of a {@code price-update} message on the public {@code prices} channel: a token's new INR price and how far
 * it moved. Amounts have 2 decimals (paise); the move is computed here so that every client shows the same one.
 *
 * @param previousPrice absent when the event does not carry one (a producer older than the field)
 * @param change {@code price - previousPrice}; absent without a previous price
 * @param changePercent the change in percent of the previous price, 2 decimals rounded half-up; absent without a
 *     positive previous price, of which no percentage can be taken
 */
public record PriceUpdate(
        String symbol,
        BigDecimal price,
        BigDecimal previousPrice,
        BigDecimal change,
        BigDecimal changePercent,
        Instant occurredAt)
        implements NotificationPayload {

    private static final int PAISE = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * @param price positive
     * @param previousPrice not negative, or null when unknown
     */
    static PriceUpdate between(String symbol, BigDecimal previousPrice, BigDecimal price, Instant occurredAt) {
        BigDecimal now = inPaise(price);
        if (previousPrice == null) {
            return new PriceUpdate(symbol, now, null, null, null, occurredAt);
        }
        BigDecimal before = inPaise(previousPrice);
        BigDecimal change = now.subtract(before);
        BigDecimal changePercent =
                before.signum() > 0 ? change.multiply(HUNDRED).divide(before, PAISE, RoundingMode.HALF_UP) : null;
        return new PriceUpdate(symbol, now, before, change, changePercent, occurredAt);
    }

    private static BigDecimal inPaise(BigDecimal amount) {
        return amount.setScale(PAISE, RoundingMode.HALF_UP);
    }
}
