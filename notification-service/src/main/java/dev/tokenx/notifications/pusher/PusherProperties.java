package dev.tokenx.notifications.pusher;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The Pusher app messages are sent to: realtime-server locally, Pusher's cloud by configuration alone. Bound from
 * {@code NOTIFICATIONS_PUSHER_APP_ID}, {@code _KEY}, {@code _SECRET}, {@code _HOST}, {@code _CLUSTER},
 * {@code _ENCRYPTED}, {@code _CONNECT_TIMEOUT} and {@code _REQUEST_TIMEOUT}.
 *
 * @param secret signs every request and every channel authorization; never leaves the backend. Outside local mode
 *     it must be set and not a published one ({@link PusherSecret})
 * @param host {@code host[:port]} of a self-hosted Pusher-compatible server, e.g. {@code 127.0.0.1:8084}
 * @param cluster Pusher's cloud cluster (e.g. {@code ap2}); when set it wins over {@code host}
 * @param encrypted HTTPS to the HTTP API; true for Pusher's cloud
 * @param connectTimeout how long opening a connection may take
 * @param requestTimeout how long one request may take in all, from sending to the last byte of the answer
 */
@Validated
@ConfigurationProperties("notifications.pusher")
public record PusherProperties(
        @NotBlank String appId,
        @NotBlank String key,
        @NotBlank String secret,
        String host,
        String cluster,
        boolean encrypted,
        @NotNull Duration connectTimeout,
        @NotNull Duration requestTimeout) {

    boolean usesCluster() {
        return cluster != null && !cluster.isBlank();
    }

    @AssertTrue(
            message = "set NOTIFICATIONS_PUSHER_HOST (a self-hosted server) or NOTIFICATIONS_PUSHER_CLUSTER (Pusher)")
    boolean isAddressed() {
        return usesCluster() || (host != null && !host.isBlank());
    }
}
