package dev.tokenx.realtime.connection.application;

import dev.tokenx.realtime.channel.domain.ChannelEvent;
import dev.tokenx.realtime.channel.domain.ChannelName;
import dev.tokenx.realtime.connection.domain.PusherError;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The connections of this instance and the channels they subscribe to; the only place where an event meets
 * its subscribers. Other instances' subscribers are reached through the Redis relay, which calls
 * {@link #deliver} on each instance.
 */
@Component
public class ConnectionRegistry {

    private final PusherMessages messages;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final ConcurrentMap<ChannelKey, Set<Connection>> subscribers = new ConcurrentHashMap<>();
    private final AtomicInteger subscriptions = new AtomicInteger();
    private final Counter delivered;

    public ConnectionRegistry(PusherMessages messages, MeterRegistry meters) {
        this.messages = messages;
        Gauge.builder("realtime.connections", connections, Set::size)
                .description("Open WebSocket connections on this instance")
                .register(meters);
        Gauge.builder("realtime.subscriptions", subscriptions, AtomicInteger::get)
                .description("Channel subscriptions of the open connections on this instance")
                .register(meters);
        this.delivered = Counter.builder("realtime.messages.delivered")
                .description("Channel events queued to a subscriber connection on this instance")
                .register(meters);
    }

    /**
     * Queues the event to every local subscriber of its channels, except the excluded socket.
     *
     * @return how many connections it was queued to
     */
    public int deliver(ChannelEvent event) {
        int count = 0;
        for (ChannelName channel : event.channels()) {
            Set<Connection> audience = subscribers.get(new ChannelKey(event.appId(), channel));
            if (audience == null) {
                continue;
            }
            String json = messages.channelEvent(channel.value(), event.name(), event.data());
            for (Connection connection : audience) {
                if (!event.excludes(connection.socketId()) && connection.send(json)) {
                    count++;
                }
            }
        }
        delivered.increment(count);
        return count;
    }

    void register(Connection connection) {
        connections.add(connection);
    }

    /** Forgets the connection and every subscription it held. */
    void unregister(Connection connection) {
        if (connections.remove(connection)) {
            for (ChannelName channel : connection.channels()) {
                unsubscribe(connection, channel);
            }
        }
    }

    /** @return false when the connection was subscribed already */
    boolean subscribe(Connection connection, ChannelName channel) {
        if (!connection.channels().add(channel)) {
            return false;
        }
        subscribers.compute(key(connection, channel), (key, audience) -> {
            Set<Connection> members = audience != null ? audience : ConcurrentHashMap.newKeySet();
            members.add(connection);
            return members;
        });
        subscriptions.incrementAndGet();
        return true;
    }

    void unsubscribe(Connection connection, ChannelName channel) {
        if (!connection.channels().remove(channel)) {
            return;
        }
        // compute runs atomically per key, so an empty set is dropped without losing a concurrent subscriber.
        subscribers.computeIfPresent(key(connection, channel), (key, audience) -> {
            audience.remove(connection);
            return audience.isEmpty() ? null : audience;
        });
        subscriptions.decrementAndGet();
    }

    Collection<Connection> connections() {
        return connections;
    }

    void closeAll(PusherError reason) {
        connections.forEach(connection -> connection.close(reason));
    }

    private static ChannelKey key(Connection connection, ChannelName channel) {
        return new ChannelKey(connection.app().id(), channel);
    }

    /** Channel names are per app: two apps may both have a channel called "prices". */
    private record ChannelKey(String appId, ChannelName channel) {}
}
