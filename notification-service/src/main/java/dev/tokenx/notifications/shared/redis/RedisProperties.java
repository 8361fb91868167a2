package dev.tokenx.notifications.shared.redis;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The Redis server that remembers which events were sent.
 *
 * @param address {@code redis://host:port} or {@code rediss://host:port}; from {@code NOTIFICATIONS_REDIS_ADDRESS}
 * @param username the ACL user to log in as; empty for the {@code default} user; {@code NOTIFICATIONS_REDIS_USERNAME}
 * @param password empty when the server has none; from {@code NOTIFICATIONS_REDIS_PASSWORD}
 * @param timeout how long a command may wait for its answer; short, because every message waits for the lookup and a
 *     slow Redis must not hold up the user's status updates
 */
@Validated
@ConfigurationProperties("notifications.redis")
public record RedisProperties(
        @NotBlank String address,
        String username,
        String password,
        @NotNull Duration connectTimeout,
        @NotNull Duration timeout) {}
