package dev.tokenx.notifications.channel.domain;

import java.util.UUID;

/**
 * The realtime channels of the platform (ARCHITECTURE.md, "Realtime channels"): one private channel per user, which
 * only that user may subscribe to, and public channels for announcements and prices, open to everybody.
 */
public final class Channels {

    /** Public: every client may subscribe without authorization. */
    public static final String SYSTEM = "system";

    /** Public: every listed token's price moves, for anybody watching the market. */
    public static final String PRICES = "prices";

    private static final String USER_CHANNEL_PREFIX = "private-user-";

    private Channels() {}

    /** {@code private-user-<id>}, the id in the canonical lower-case form that tokens and events carry. */
    public static String ofUser(UUID userId) {
        return USER_CHANNEL_PREFIX + userId;
    }
}
