package dev.tokenx.realtime.broadcast.application;

import dev.tokenx.realtime.channel.domain.ChannelEvent;
import dev.tokenx.realtime.connection.application.ConnectionRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Sends events to their subscribers wherever they are connected: at once to this instance's connections,
 * then through the relay to the other instances. A relay failure costs only the other instances' subscribers
 * (counted in {@code realtime.fanout.failures}); it never fails the publisher's request, because the events
 * were accepted and delivered here.
 */
@Service
public class Broadcaster {

    private static final Logger log = LoggerFactory.getLogger(Broadcaster.class);

    private final ConnectionRegistry registry;
    private final ClusterRelay relay;
    private final Counter relayFailures;

    public Broadcaster(ConnectionRegistry registry, ClusterRelay relay, MeterRegistry meters) {
        this.registry = registry;
        this.relay = relay;
        this.relayFailures = Counter.builder("realtime.fanout.failures")
                .description("Event batches delivered on this instance only, because the relay to the others failed")
                .register(meters);
    }

    /** Completes when local delivery is done and the relay has taken the events (or failed to). */
    public Mono<Void> broadcast(List<ChannelEvent> events) {
        deliverLocally(events);
        return relay.publish(events).onErrorResume(RelayUnavailable.class, this::countFailure);
    }

    /** Events another instance accepted, for this instance's subscribers. */
    public void deliverLocally(List<ChannelEvent> events) {
        events.forEach(registry::deliver);
    }

    private Mono<Void> countFailure(RelayUnavailable failure) {
        relayFailures.increment();
        log.debug("Events delivered on this instance only: {}", failure.getMessage());
        return Mono.empty();
    }
}
