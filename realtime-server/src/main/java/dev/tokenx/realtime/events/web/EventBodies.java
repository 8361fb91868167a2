package dev.tokenx.realtime.events.web;

import dev.tokenx.realtime.events.domain.EventRequest;
import dev.tokenx.realtime.events.domain.InvalidEventRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON bodies of the events API: {@code {"name", "data", "channels" | "channel", "socket_id"?}}
 * and {@code {"batch": [...]}}. Read as a tree rather than bound to a class, so that every malformed field
 * is answered with a 400 naming it instead of a binding exception.
 */
@Component
class EventBodies {

    private final JsonMapper json;

    EventBodies(JsonMapper json) {
        this.json = json;
    }

    EventRequest event(byte[] body) {
        return event(tree(body), "");
    }

    List<EventRequest> batch(byte[] body) {
        JsonNode batch = tree(body).path("batch");
        if (!batch.isArray()) {
            throw new InvalidEventRequest("A batch body is {\"batch\": [events]}");
        }
        List<EventRequest> events = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            events.add(event(batch.get(i), "batch[" + i + "]."));
        }
        return events;
    }

    private JsonNode tree(byte[] body) {
        try {
            JsonNode tree = json.readTree(body);
            if (tree.isObject()) {
                return tree;
            }
        } catch (JacksonException notJson) {
            // Answered below, like any other body that is not a JSON object.
        }
        throw new InvalidEventRequest("The body must be a JSON object");
    }

    private static EventRequest event(JsonNode event, String where) {
        if (!event.isObject()) {
            throw new InvalidEventRequest(where + "event must be a JSON object");
        }
        return new EventRequest(
                optionalText(event, "name", where),
                optionalText(event, "data", where),
                channels(event, where),
                optionalText(event, "socket_id", where));
    }

    private static List<String> channels(JsonNode event, String where) {
        JsonNode channels = event.path("channels");
        if (channels.isMissingNode() || channels.isNull()) {
            String channel = optionalText(event, "channel", where);
            return channel == null ? List.of() : List.of(channel);
        }
        if (!channels.isArray()) {
            throw new InvalidEventRequest(where + "channels must be an array of channel names");
        }
        List<String> names = new ArrayList<>(channels.size());
        for (JsonNode channel : channels) {
            if (!channel.isString()) {
                throw new InvalidEventRequest(where + "channels must be an array of channel names");
            }
            names.add(channel.stringValue());
        }
        return names;
    }

    private static String optionalText(JsonNode event, String field, String where) {
        JsonNode value = event.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidEventRequest(where + field + " must be a string"
                    + ("data".equals(field) ? " (JSON-encode structured data, as Pusher libraries do)" : ""));
        }
        return value.stringValue();
    }
}
