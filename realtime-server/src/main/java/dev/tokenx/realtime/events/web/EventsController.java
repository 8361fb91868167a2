package dev.tokenx.realtime.events.web;

import dev.tokenx.realtime.apps.domain.PusherApp;
import dev.tokenx.realtime.events.application.ApiAuthentication;
import dev.tokenx.realtime.events.application.TriggerEvents;
import dev.tokenx.realtime.events.domain.EventTooLarge;
import dev.tokenx.realtime.events.domain.SignedRequest;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The publishing half of the Pusher HTTP API, as pusher-http-java and the other server libraries call it.
 * The raw body is read first: its MD5 is part of the signature, so it is verified byte for byte before it is
 * parsed. Success is {@code 200 {}}, as Pusher answers; errors are problem details ({@link EventsApiErrors}).
 */
@RestController
class EventsController {

    /** Ten events of 10 KB data and 100 channel names each fit with room to spare. */
    static final int MAX_BODY_BYTES = 512 * 1024;

    private final ApiAuthentication authentication;
    private final TriggerEvents triggerEvents;
    private final EventBodies bodies;

    EventsController(ApiAuthentication authentication, TriggerEvents triggerEvents, EventBodies bodies) {
        this.authentication = authentication;
        this.triggerEvents = triggerEvents;
        this.bodies = bodies;
    }

    @PostMapping(path = "/apps/{appId}/events", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> trigger(@PathVariable String appId, ServerHttpRequest request) {
        return body(request).flatMap(body -> trigger(appId, request, body)).thenReturn(Map.of());
    }

    @PostMapping(path = "/apps/{appId}/batch_events", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> triggerBatch(@PathVariable String appId, ServerHttpRequest request) {
        return body(request).flatMap(body -> triggerBatch(appId, request, body)).thenReturn(Map.of());
    }

    private Mono<Void> trigger(String appId, ServerHttpRequest request, byte[] body) {
        PusherApp app = authentication.authenticate(appId, signed(request, body));
        return triggerEvents.trigger(app, bodies.event(body));
    }

    private Mono<Void> triggerBatch(String appId, ServerHttpRequest request, byte[] body) {
        PusherApp app = authentication.authenticate(appId, signed(request, body));
        return triggerEvents.triggerBatch(app, bodies.batch(body));
    }

    private static SignedRequest signed(ServerHttpRequest request, byte[] body) {
        return new SignedRequest(request.getMethod().name(), request.getPath().value(), request.getQueryParams(), body);
    }

    private static Mono<byte[]> body(ServerHttpRequest request) {
        return DataBufferUtils.join(request.getBody(), MAX_BODY_BYTES)
                .map(EventsController::bytes)
                .defaultIfEmpty(new byte[0])
                .onErrorMap(
                        DataBufferLimitException.class,
                        tooLarge -> new EventTooLarge("The request body exceeds " + MAX_BODY_BYTES + " bytes"));
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
