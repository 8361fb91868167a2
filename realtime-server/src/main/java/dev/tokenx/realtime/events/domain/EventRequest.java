package dev.tokenx.realtime.events.domain;

import dev.tokenx.realtime.channel.domain.ChannelEvent;
import dev.tokenx.realtime.channel.domain.ChannelName;
import dev.tokenx.realtime.channel.domain.InvalidChannelName;
import dev.tokenx.realtime.connection.domain.SocketId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * One event as the HTTP API receives it, before the rules of the Pusher HTTP API reference are applied: data
 * of at most 10 KB, at most 100 channels, an event name of at most 200 characters, a well-formed socket id.
 *
 * @param channels the {@code channels} array, or the single {@code channel}
 * @param socketId the connection to leave out, or {@code null}
 */
public record EventRequest(String name, String data, List<String> channels, String socketId) {

    public static final int MAX_DATA_BYTES = 10 * 1024;
    public static final int MAX_CHANNELS = 100;
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_BATCH_SIZE = 10;

    /** The event to deliver, once every rule holds. */
    public ChannelEvent toChannelEvent(String appId) {
        if (name == null || name.isEmpty()) {
            throw new InvalidEventRequest("An event needs a name");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidEventRequest("Event name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (data == null) {
            throw new InvalidEventRequest("An event needs data, as a string");
        }
        int dataBytes = data.getBytes(StandardCharsets.UTF_8).length;
        if (dataBytes > MAX_DATA_BYTES) {
            throw new EventTooLarge("Event data is " + dataBytes + " bytes; the limit is " + MAX_DATA_BYTES);
        }
        return new ChannelEvent(appId, name, data, channelNames(), excludedSocket());
    }

    /** A batch, checked as a whole: at most ten events, each valid. */
    public static List<ChannelEvent> toChannelEvents(String appId, List<EventRequest> batch) {
        if (batch.isEmpty()) {
            throw new InvalidEventRequest("A batch needs at least one event");
        }
        if (batch.size() > MAX_BATCH_SIZE) {
            throw new InvalidEventRequest("A batch holds at most " + MAX_BATCH_SIZE + " events, not " + batch.size());
        }
        List<ChannelEvent> events = new ArrayList<>(batch.size());
        for (EventRequest request : batch) {
            events.add(request.toChannelEvent(appId));
        }
        return events;
    }

    private List<ChannelName> channelNames() {
        if (channels == null || channels.isEmpty()) {
            throw new InvalidEventRequest("An event needs channels (or channel)");
        }
        if (channels.size() > MAX_CHANNELS) {
            throw new InvalidEventRequest(
                    "An event goes to at most " + MAX_CHANNELS + " channels, not " + channels.size());
        }
        // A channel named twice would deliver the event twice to the same subscriber.
        LinkedHashSet<ChannelName> names = new LinkedHashSet<>();
        try {
            channels.forEach(channel -> names.add(ChannelName.of(channel)));
        } catch (InvalidChannelName e) {
            throw new InvalidEventRequest(e.getMessage());
        }
        return List.copyOf(names);
    }

    private Optional<SocketId> excludedSocket() {
        if (socketId == null) {
            return Optional.empty();
        }
        if (!SocketId.isValid(socketId)) {
            throw new InvalidEventRequest("socket_id must look like 1234.5678, not " + socketId);
        }
        return Optional.of(new SocketId(socketId));
    }
}
