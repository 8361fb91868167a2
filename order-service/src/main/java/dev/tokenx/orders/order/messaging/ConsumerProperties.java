package dev.tokenx.orders.order.messaging;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How settlement events are consumed ({@code orders.consumer.*}). A record that keeps failing transiently (the
 * database away) is retried in place with a capped exponential backoff, then goes to {@code <topic>.DLT}; permanent
 * failures go there at once.
 *
 * @param groupId the consumer group; instances of the service share it
 * @param concurrency consumers per instance (each owns some of the topic's partitions)
 * @param retryInitialInterval the pause before the first retry
 * @param retryMultiplier how much each pause grows
 * @param retryMaxInterval the longest pause
 * @param retryJitter each pause is moved by up to this much, at random, so that consumers do not retry in step
 * @param retryMaxAttempts retries after the first delivery before the record goes to the dead-letter topic; keep the
 *     sum of the pauses well below {@code max.poll.interval.ms} (5 minutes by default)
 */
@Validated
@ConfigurationProperties("orders.consumer")
public record ConsumerProperties(
        @NotBlank String groupId,
        @Min(1) @Max(64) int concurrency,
        @NotNull Duration retryInitialInterval,
        @DecimalMin("1.0") double retryMultiplier,
        @NotNull Duration retryMaxInterval,
        @NotNull Duration retryJitter,
        @Min(0) int retryMaxAttempts) {}
