package dev.tokenx.realtime.channel.domain;

/** A channel name outside Pusher's rules. */
public class InvalidChannelName extends RuntimeException {

    public InvalidChannelName(String message) {
        super(message);
    }
}
