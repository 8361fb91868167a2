package dev.tokenx.orders.shared.redis;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The Redis server the service caches in.
 *
 * @param address {@code redis://host:port} or {@code rediss://host:port}
 * @param username the ACL user to log in as; empty for the {@code default} user; {@code ORDERS_REDIS_USERNAME}
 * @param password empty when the server has none
 * @param timeout how long a command may wait for its answer; kept short, a slow cache is worse than none
 */
@Validated
@ConfigurationProperties("orders.redis")
public record RedisProperties(
        @NotBlank String address,
        String username,
        String password,
        @NotNull Duration connectTimeout,
        @NotNull Duration timeout) {}
