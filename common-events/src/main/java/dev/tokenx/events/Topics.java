package dev.tokenx.events;

import java.util.List;

/** The only place topic names are written. Each topic has a dead-letter topic beside it. */
public final class Topics {

    public static final String ORDER_EVENTS = "orders.order-events";
    public static final String PORTFOLIO_EVENTS = "orders.portfolio-events";
    public static final String ACCOUNT_EVENTS = "orders.account-events";
    public static final String TOKEN_EVENTS = "orders.token-events";
    public static final String SETTLEMENT_EVENTS = "blockchain.settlement-events";
    public static final String ANNOUNCEMENT_EVENTS = "notifications.announcement-events";

    public static final List<String> ALL = List.of(
            ORDER_EVENTS, PORTFOLIO_EVENTS, ACCOUNT_EVENTS, TOKEN_EVENTS, SETTLEMENT_EVENTS, ANNOUNCEMENT_EVENTS);

    private static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {}

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
