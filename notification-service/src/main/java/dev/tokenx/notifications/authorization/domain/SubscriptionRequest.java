package dev.tokenx.notifications.authorization.domain;

import dev.tokenx.notifications.channel.domain.Channels;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A Pusher client asking to subscribe one connection to one private channel, with the protocol's field names: the
 * {@code socket_id} the server gave the connection ({@code <digits>.<digits>}) and the {@code channel_name}.
 */
public record SubscriptionRequest(String socketId, String channelName) {

    public static final String SOCKET_ID = "socket_id";
    public static final String CHANNEL_NAME = "channel_name";

    private static final Pattern SOCKET_ID_FORMAT = Pattern.compile("\\d{1,19}\\.\\d{1,19}");

    /** Pusher's channel names: at most 164 characters from {@code A-Z a-z 0-9 _ - = @ , . ;}. */
    private static final Pattern CHANNEL_NAME_FORMAT = Pattern.compile("[A-Za-z0-9_\\-=@,.;]{1,164}");

    public SubscriptionRequest {
        if (socketId == null || socketId.isEmpty()) {
            throw new InvalidSubscriptionRequest(SOCKET_ID, "is required");
        }
        if (!SOCKET_ID_FORMAT.matcher(socketId).matches()) {
            throw new InvalidSubscriptionRequest(SOCKET_ID, "must look like 1234.5678");
        }
        if (channelName == null || channelName.isEmpty()) {
            throw new InvalidSubscriptionRequest(CHANNEL_NAME, "is required");
        }
        if (!CHANNEL_NAME_FORMAT.matcher(channelName).matches()) {
            throw new InvalidSubscriptionRequest(
                    CHANNEL_NAME, "must be at most 164 characters from A-Z a-z 0-9 _ - = @ , . ;");
        }
    }

    /**
     * A user may subscribe to their own private channel and to no other: not another user's, not a presence or
     * encrypted variant of their own, and not a public channel, which needs no authorization at all.
     */
    public boolean isOwnChannelOf(UUID userId) {
        return channelName.equals(Channels.ofUser(userId));
    }
}
