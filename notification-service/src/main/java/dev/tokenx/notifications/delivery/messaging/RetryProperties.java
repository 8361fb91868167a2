package dev.tokenx.notifications.delivery.messaging;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How a message whose send failed transiently (realtime service unreachable, timed out, 5xx) is tried again: after
 * {@code initialInterval}, then each wait {@code multiplier} times longer up to {@code maxInterval}, each shifted by up
 * to {@code jitter} either way so that several consumers do not retry in step; after {@code maxRetries} retries the
 * record goes to its dead-letter topic. The consumer thread waits in between, so the worst case ({@code maxRetries}
 * waits) must stay well below the consumer's {@code max.poll.interval.ms}.
 */
@Validated
@ConfigurationProperties("notifications.retry")
public record RetryProperties(
        @NotNull Duration initialInterval,
        @DecimalMin("1.0") double multiplier,
        @NotNull Duration maxInterval,
        @NotNull Duration jitter,
        @PositiveOrZero int maxRetries) {}
