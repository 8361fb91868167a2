package dev.tokenx.notifications.delivery.persistence;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long a sent event's id is remembered in Redis, and how Redis outages are ridden out.
 *
 * @param ttl longer than any redelivery takes: a consumer rebalance takes seconds, an operator's replay from the
 *     dead-letter topic happens the same day
 * @param outageCooldown after Redis failed to answer, how long messages are sent without asking it, so that an
 *     unreachable Redis costs one timeout per cooldown instead of one per message
 */
@Validated
@ConfigurationProperties("notifications.deduplication")
public record DeduplicationProperties(
        @NotNull Duration ttl, @NotNull Duration outageCooldown) {}
