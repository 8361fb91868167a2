package dev.tokenx.kafka.consumer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How a service consumes ({@code tokenx.kafka.consumer.*}): its group, its consumers per listener, and how a record
 * that fails transiently is retried in place before it goes to {@code <topic>.DLT}. Everything else about the
 * consumer (offset reset, {@code max.poll.records}, fetch sizes, security) stays under Boot's {@code
 * spring.kafka.consumer.*}.
 *
 * @param groupId the consumer group; instances of the service share it
 * @param concurrency consumers per listener (each owns some of the topic's partitions); a listener may ask for fewer
 * @param retry the capped, jittered exponential backoff of transient failures
 */
@Validated
@ConfigurationProperties("tokenx.kafka.consumer")
public record KafkaConsumerProperties(
        @NotBlank String groupId,
        @Min(1) @Max(64) int concurrency,
        @NotNull @Valid Retry retry) {

    /**
     * @param initialInterval the pause before the first retry
     * @param multiplier how much each pause grows
     * @param maxInterval the longest pause
     * @param jitter each pause is moved by up to this much either way, so that consumers do not retry in step
     * @param maxRetries retries after the first delivery before the record is dead-lettered; the consumer thread waits
     *     in between, so the sum of the pauses must stay well below {@code max.poll.interval.ms} (5 minutes by
     *     default)
     */
    public record Retry(
            @NotNull Duration initialInterval,
            @DecimalMin("1.0") double multiplier,
            @NotNull Duration maxInterval,
            @NotNull Duration jitter,
            @Min(0) int maxRetries) {}
}
