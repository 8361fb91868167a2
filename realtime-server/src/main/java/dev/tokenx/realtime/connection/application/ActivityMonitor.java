package dev.tokenx.realtime.connection.application;

import dev.tokenx.realtime.connection.WebSocketProperties;
import dev.tokenx.realtime.connection.domain.PusherError;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Pings silent connections and closes those that stay silent, on one timer for all connections rather than
 * one per connection. On shutdown it closes every connection with 4200, so that clients reconnect at once
 * (to another instance) instead of waiting for their own timeouts.
 *
 * <p>It runs in the default (last-started, first-stopped) lifecycle phase, before the web server's graceful
 * shutdown, which would otherwise wait for WebSocket sessions that never end on their own.
 */
@Component
public class ActivityMonitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ActivityMonitor.class);
    private static final Duration MAX_CHECK_INTERVAL = Duration.ofSeconds(1);
    private static final Duration MIN_CHECK_INTERVAL = Duration.ofMillis(50);

    private final ConnectionRegistry registry;
    private final long activityTimeoutNanos;
    private final long pongTimeoutNanos;
    private final Duration checkInterval;
    private ScheduledExecutorService timer;

    public ActivityMonitor(ConnectionRegistry registry, WebSocketProperties properties) {
        this.registry = registry;
        this.activityTimeoutNanos = properties.activityTimeout().toNanos();
        this.pongTimeoutNanos = properties.pongTimeout().toNanos();
        // A few checks per timeout keep the actual timeouts within a quarter of the configured ones.
        Duration quarter = (properties.activityTimeout().compareTo(properties.pongTimeout()) < 0
                        ? properties.activityTimeout()
                        : properties.pongTimeout())
                .dividedBy(4);
        this.checkInterval = clamp(quarter);
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("realtime-activity").daemon().factory());
        timer.scheduleWithFixedDelay(
                this::checkAll, checkInterval.toNanos(), checkInterval.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public synchronized void stop() {
        registry.closeAll(PusherError.serverGoingAway());
        timer.shutdownNow();
        timer = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    private void checkAll() {
        try {
            long now = System.nanoTime();
            for (Connection connection : registry.connections()) {
                connection.checkActivity(now, activityTimeoutNanos, pongTimeoutNanos);
            }
        } catch (RuntimeException e) {
            // An exception would cancel the schedule, and with it every later heartbeat.
            log.error("Heartbeat check failed", e);
        }
    }

    private static Duration clamp(Duration interval) {
        if (interval.compareTo(MIN_CHECK_INTERVAL) < 0) {
            return MIN_CHECK_INTERVAL;
        }
        return interval.compareTo(MAX_CHECK_INTERVAL) > 0 ? MAX_CHECK_INTERVAL : interval;
    }
}
