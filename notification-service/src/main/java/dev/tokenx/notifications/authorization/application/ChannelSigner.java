package dev.tokenx.notifications.authorization.application;

/** Signs a channel subscription with the Pusher app's secret, so that the realtime server accepts it. */
public interface ChannelSigner {

    /** The {@code auth} value of the protocol: {@code <app key>:<hex HMAC-SHA256 of "socket_id:channel_name">}. */
    String sign(String socketId, String channelName);
}
