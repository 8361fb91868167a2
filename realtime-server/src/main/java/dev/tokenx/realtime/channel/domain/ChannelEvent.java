package dev.tokenx.realtime.channel.domain;

import dev.tokenx.realtime.connection.domain.SocketId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An event triggered through the HTTP API: one name and data sent to every subscriber of each channel of one
 * app, except the connection whose socket id triggered it (Pusher's "excluding event recipients").
 *
 * @param data the payload exactly as the publisher sent it, normally a JSON document in a string; the server
 *     never parses it
 */
public record ChannelEvent(
        String appId, String name, String data, List<ChannelName> channels, Optional<SocketId> excludedSocket) {

    public ChannelEvent {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(excludedSocket, "excludedSocket");
        channels = List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("An event goes to at least one channel");
        }
    }

    public boolean excludes(SocketId socketId) {
        return excludedSocket.filter(socketId::equals).isPresent();
    }
}
