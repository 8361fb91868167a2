package dev.tokenx.notifications.support;

import com.pusher.client.channel.PusherEvent;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The JSON bodies of received Pusher events, as a browser's {@code JSON.parse} would see them. */
public final class Messages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Messages() {}

    public static Map<String, Object> body(PusherEvent event) {
        return JSON.readValue(event.getData(), new TypeReference<>() {});
    }

    /** The bodies of the events named {@code eventName} whose {@code orderId} is {@code orderId}, in order. */
    public static List<Map<String, Object>> about(List<PusherEvent> events, String eventName, Object orderId) {
        return events.stream()
                .filter(event -> eventName.equals(event.getEventName()))
                .map(Messages::body)
                .filter(body -> orderId.toString().equals(body.get("orderId")))
                .toList();
    }
}
