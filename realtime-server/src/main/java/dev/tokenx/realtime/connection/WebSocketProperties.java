package dev.tokenx.realtime.connection;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The WebSocket side of the protocol.
 *
 * @param activityTimeout announced to clients as {@code activity_timeout} (whole seconds, at least one):
 *     clients ping after this much silence, and the server pings a client it has not heard from for as long
 * @param pongTimeout how long the server waits for any frame after its ping before closing with 4201
 * @param maxMessageSize the largest message a client may send; a larger one closes the connection with 4009
 *     (messages above the transport's 64 KB frame limit are closed by the transport with 1009)
 * @param maxSubscriptionsPerConnection channels one connection may subscribe to at once
 * @param outboundBuffer frames queued to one connection before it counts as not reading (closed with 4100)
 */
@Validated
@ConfigurationProperties("realtime.websocket")
public record WebSocketProperties(
        @NotNull Duration activityTimeout,
        @NotNull Duration pongTimeout,
        @NotNull DataSize maxMessageSize,
        @Min(1) int maxSubscriptionsPerConnection,
        @Min(16) @Max(1_000_000) int outboundBuffer) {

    public WebSocketProperties {
        if (activityTimeout != null && activityTimeout.toSeconds() < 1) {
            // The protocol announces whole seconds, and pusher-js refuses an activity_timeout of 0.
            throw new IllegalArgumentException("realtime.websocket.activity-timeout must be at least 1 s");
        }
    }
}
