package dev.tokenx.gateway.websocket;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many realtime WebSocket sessions one gateway instance holds ({@code gateway.websocket.*}). Each session holds
 * a connection to the client and one to realtime-server for hours; without a cap one client could hold them all.
 *
 * @param maxConnections open sessions per instance; the next upgrade answers 503
 * @param maxConnectionsPerAddress open sessions per client address (an IPv6 client's /64); the next answers 429
 */
@Validated
@ConfigurationProperties("gateway.websocket")
public record WebSocketProperties(
        @Min(1) @DefaultValue("10000") int maxConnections,
        @Min(1) @DefaultValue("20") int maxConnectionsPerAddress) {}
