package dev.tokenx.realtime.connection.web;

import dev.tokenx.realtime.connection.application.InboundMessage;
import dev.tokenx.realtime.connection.application.PusherMessages;
import dev.tokenx.realtime.connection.domain.PusherError;
import dev.tokenx.realtime.connection.domain.SocketId;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Pusher protocol's JSON. Every message is {@code {"event", "channel"?, "data"}}; the {@code data} of
 * server events is itself JSON encoded in a string (clients parse it a second time), except in
 * {@code pusher:error}, whose data is an object, as Pusher sends it.
 */
@Component
class JsonPusherMessages implements PusherMessages {

    private static final String EMPTY_DATA = "{}";

    private final JsonMapper json;

    JsonPusherMessages(JsonMapper json) {
        this.json = json;
    }

    @Override
    public InboundMessage decode(String text) {
        JsonNode message;
        try {
            message = json.readTree(text);
        } catch (JacksonException notJson) {
            return new InboundMessage.Malformed("not JSON");
        }
        JsonNode event = message.path("event");
        if (!message.isObject() || !event.isString()) {
            return new InboundMessage.Malformed("a message is a JSON object with an event name");
        }
        String name = event.stringValue();
        return switch (name) {
            case "pusher:ping" -> new InboundMessage.Ping();
            case "pusher:pong" -> new InboundMessage.Pong();
            case "pusher:subscribe" -> subscribe(data(message));
            case "pusher:unsubscribe" -> new InboundMessage.Unsubscribe(text(data(message), "channel"));
            default ->
                name.startsWith("client-")
                        ? new InboundMessage.ClientEvent(name, text(message, "channel"))
                        : new InboundMessage.Unhandled(name);
        };
    }

    @Override
    public String connectionEstablished(SocketId socketId, Duration activityTimeout) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("socket_id", socketId.value());
        data.put("activity_timeout", activityTimeout.toSeconds());
        return message("pusher:connection_established", null, json.writeValueAsString(data));
    }

    @Override
    public String ping() {
        return message("pusher:ping", null, EMPTY_DATA);
    }

    @Override
    public String pong() {
        return message("pusher:pong", null, EMPTY_DATA);
    }

    @Override
    public String subscriptionSucceeded(String channel) {
        return message("pusher_internal:subscription_succeeded", channel, EMPTY_DATA);
    }

    @Override
    public String subscriptionError(String channel, String type, String error, int status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", type);
        data.put("error", error);
        data.put("status", status);
        return message("pusher:subscription_error", channel, json.writeValueAsString(data));
    }

    @Override
    public String error(PusherError error) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", error.code());
        data.put("message", error.message());
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("event", "pusher:error");
        message.put("data", data);
        return json.writeValueAsString(message);
    }

    @Override
    public String channelEvent(String channel, String event, String data) {
        return message(event, channel, data);
    }

    private String message(String event, String channel, String data) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("event", event);
        if (channel != null) {
            message.put("channel", channel);
        }
        message.put("data", data);
        return json.writeValueAsString(message);
    }

    private InboundMessage subscribe(JsonNode data) {
        return new InboundMessage.Subscribe(text(data, "channel"), text(data, "auth"));
    }

    /** Clients send {@code data} as an object; a few send it JSON-encoded in a string, as servers do. */
    private JsonNode data(JsonNode message) {
        JsonNode data = message.path("data");
        if (!data.isString()) {
            return data;
        }
        try {
            return json.readTree(data.stringValue());
        } catch (JacksonException notJson) {
            return json.missingNode();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.stringValue() : null;
    }
}
