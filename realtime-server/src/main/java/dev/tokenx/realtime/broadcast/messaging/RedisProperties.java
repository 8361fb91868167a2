package dev.tokenx.realtime.broadcast.messaging;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The Redis server the instances relay events through ({@code realtime.redis.*}).
 *
 * @param address {@code redis://host:port} or {@code rediss://host:port}; {@code REALTIME_REDIS_ADDRESS}
 * @param username the ACL user to log in as; empty for the {@code default} user; {@code REALTIME_REDIS_USERNAME}
 * @param password empty when the server has none
 * @param timeout how long a publish may take before the events count as delivered locally only; the
 *     publisher's HTTP request waits this long at most
 * @param topic the pub/sub channel every instance of one deployment shares
 * @param outageCooldown after a failed publish, how long to skip Redis altogether, so that an outage does not
 *     add a timeout to every request
 * @param resubscribeInterval how often to retry subscribing while Redis is unreachable at startup
 */
@Validated
@ConfigurationProperties("realtime.redis")
public record RedisProperties(
        @NotBlank String address,
        String username,
        String password,
        @NotNull Duration connectTimeout,
        @NotNull Duration timeout,
        @NotBlank String topic,
        @NotNull Duration outageCooldown,
        @NotNull Duration resubscribeInterval) {}
