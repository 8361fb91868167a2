package dev.tokenx.notifications.authorization.domain;

/** The caller asked to subscribe to a channel that is not their own private channel. */
public final class ChannelForbidden extends RuntimeException {

    public ChannelForbidden(String channelName) {
        super("You may only subscribe to your own private channel, not " + channelName + ".");
    }
}
