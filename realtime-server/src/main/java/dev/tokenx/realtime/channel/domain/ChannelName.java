package dev.tokenx.realtime.channel.domain;

import java.util.regex.Pattern;

/**
 * A channel name as Pusher accepts it: at most 164 characters from {@code A-Z a-z 0-9 _ - = @ , . ;}. The
 * prefix decides the type: {@code private-} channels (including {@code private-encrypted-}, whose payloads
 * the server never reads) need a signed subscription, {@code presence-} channels are not supported here,
 * anything else is public.
 */
public record ChannelName(String value) {

    public static final int MAX_LENGTH = 164;

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_\\-=@,.;]+");
    private static final String PRIVATE_PREFIX = "private-";
    private static final String PRESENCE_PREFIX = "presence-";

    public ChannelName {
        if (value == null || value.isEmpty()) {
            throw new InvalidChannelName("A channel name is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidChannelName(
                    "Channel name is longer than " + MAX_LENGTH + " characters: " + value.length() + " characters");
        }
        if (!ALLOWED.matcher(value).matches()) {
            throw new InvalidChannelName(
                    "Channel name " + value + " contains a character outside A-Z a-z 0-9 _ - = @ , . ;");
        }
    }

    public static ChannelName of(String value) {
        return new ChannelName(value);
    }

    public boolean isPrivate() {
        return value.startsWith(PRIVATE_PREFIX);
    }

    public boolean isPresence() {
        return value.startsWith(PRESENCE_PREFIX);
    }

    @Override
    public String toString() {
        return value;
    }
}
