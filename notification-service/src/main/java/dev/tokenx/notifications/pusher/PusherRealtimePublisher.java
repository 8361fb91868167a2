package dev.tokenx.notifications.pusher;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.Event;
import com.pusher.rest.data.Result;
import dev.tokenx.notifications.delivery.application.RealtimeDeliveryFailed;
import dev.tokenx.notifications.delivery.application.RealtimePublisher;
import dev.tokenx.notifications.delivery.domain.Notification;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Triggers up to ten messages per request through the Pusher HTTP API ({@code POST /apps/<id>/batch_events},
 * pusher-http-java's {@code trigger(List<Event>)}), delivered in their order. The answer decides what a failure is: no
 * answer or a 5xx may pass, a 4xx will not. Each request is timed in {@code
 * notifications_pusher_requests_seconds} by outcome ({@code success}, {@code unavailable}, {@code rejected}).
 */
@Component
class PusherRealtimePublisher implements RealtimePublisher {

    private static final int MAX_ANSWER_IN_MESSAGE = 200;

    private final Pusher pusher;
    private final MeterRegistry meters;

    PusherRealtimePublisher(Pusher pusher, MeterRegistry meters) {
        this.pusher = pusher;
        this.meters = meters;
    }

    @Override
    public void publish(List<Notification> notifications) {
        if (notifications.isEmpty() || notifications.size() > MAX_BATCH) {
            throw new IllegalArgumentException(
                    "A request takes 1 to " + MAX_BATCH + " messages, not " + notifications.size());
        }
        Timer.Sample sample = Timer.start(meters);
        Result result;
        try {
            result = pusher.trigger(notifications.stream()
                    .map(notification ->
                            new Event(notification.channel(), notification.event(), notification.payload()))
                    .toList());
        } catch (RuntimeException refused) {
            // The library checks channel names and serialises the payloads before sending; what it refuses it
            // will always refuse.
            stop(sample, "rejected");
            throw RealtimeDeliveryFailed.rejected(
                    describe(notifications) + " refused before sending: " + refused.getMessage(), refused);
        }
        if (result.getStatus() == Result.Status.SUCCESS) {
            stop(sample, "success");
            return;
        }
        Integer status = result.getHttpStatus();
        if (status == null || status >= 500) {
            stop(sample, "unavailable");
            throw RealtimeDeliveryFailed.unavailable(describe(notifications) + " failed: " + answer(result));
        }
        stop(sample, "rejected");
        throw RealtimeDeliveryFailed.rejected(describe(notifications) + " rejected: " + answer(result), null);
    }

    private void stop(Timer.Sample sample, String outcome) {
        sample.stop(Timer.builder("notifications.pusher.requests")
                .description("Requests to the Pusher HTTP API")
                .tag("outcome", outcome)
                .register(meters));
    }

    private static String describe(List<Notification> notifications) {
        return notifications.stream()
                .map(notification ->
                        notification.event() + " for event " + notification.eventId() + " on " + notification.channel())
                .collect(Collectors.joining(", "));
    }

    private static String answer(Result result) {
        String message = result.getMessage() == null ? "" : result.getMessage().strip();
        if (message.length() > MAX_ANSWER_IN_MESSAGE) {
            message = message.substring(0, MAX_ANSWER_IN_MESSAGE) + "…";
        }
        return result.getHttpStatus() == null
                ? result.getStatus() + " " + message
                : "HTTP " + result.getHttpStatus() + " " + message;
    }
}
