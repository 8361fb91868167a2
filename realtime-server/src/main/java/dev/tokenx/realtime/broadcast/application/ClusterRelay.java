package dev.tokenx.realtime.broadcast.application;

import dev.tokenx.realtime.channel.domain.ChannelEvent;
import java.util.List;
import reactor.core.publisher.Mono;

/** Hands events accepted by this instance to every other instance (a port: Redis pub/sub behind it). */
public interface ClusterRelay {

    /**
     * Completes once the other instances can receive the events, in the order given.
     *
     * @return fails with {@link RelayUnavailable} when the events could not be handed over
     */
    Mono<Void> publish(List<ChannelEvent> events);
}
