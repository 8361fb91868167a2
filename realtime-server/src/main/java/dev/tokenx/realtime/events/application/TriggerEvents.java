package dev.tokenx.realtime.events.application;

import dev.tokenx.realtime.apps.domain.PusherApp;
import dev.tokenx.realtime.broadcast.application.Broadcaster;
import dev.tokenx.realtime.channel.domain.ChannelEvent;
import dev.tokenx.realtime.events.domain.EventRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** {@code POST /apps/{id}/events} and {@code /batch_events}: validate, then broadcast. */
@Service
public class TriggerEvents {

    private final Broadcaster broadcaster;
    private final Counter accepted;

    public TriggerEvents(Broadcaster broadcaster, MeterRegistry meters) {
        this.broadcaster = broadcaster;
        this.accepted = Counter.builder("realtime.events.accepted")
                .description("Events accepted through the HTTP API of this instance")
                .register(meters);
    }

    /**
     * @throws dev.tokenx.realtime.events.domain.InvalidEventRequest for a request that breaks a rule
     * @throws dev.tokenx.realtime.events.domain.EventTooLarge for data over 10 KB
     */
    public Mono<Void> trigger(PusherApp app, EventRequest request) {
        return broadcast(List.of(request.toChannelEvent(app.id())));
    }

    /** All or nothing: one invalid event refuses the whole batch. */
    public Mono<Void> triggerBatch(PusherApp app, List<EventRequest> batch) {
        return broadcast(EventRequest.toChannelEvents(app.id(), batch));
    }

    private Mono<Void> broadcast(List<ChannelEvent> events) {
        accepted.increment(events.size());
        return broadcaster.broadcast(events);
    }
}
