package dev.tokenx.gateway.ratelimit.redis;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Redis server holding the rate-limit counters, shared by every gateway instance ({@code gateway.redis.*}).
 *
 * @param address {@code redis://host:port} or {@code rediss://host:port}; {@code GATEWAY_REDIS_ADDRESS}
 * @param username the ACL user to log in as; empty for the {@code default} user; {@code GATEWAY_REDIS_USERNAME}
 * @param password empty when the server has none; {@code GATEWAY_REDIS_PASSWORD}
 * @param connectTimeout how long to wait for a connection to Redis
 * @param timeout how long one command may take before it fails
 */
@Validated
@ConfigurationProperties("gateway.redis")
public record RedisProperties(
        @NotBlank String address,
        String username,
        String password,

        @NotNull @DurationMin(millis = 1) @DefaultValue("500ms")
        Duration connectTimeout,

        @NotNull @DurationMin(millis = 1) @DefaultValue("250ms")
        Duration timeout) {}
