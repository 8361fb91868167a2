package dev.tokenx.orders.outbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param relayEnabled whether this instance runs a relay; any number of instances may
 * @param pollInterval the pause after a batch that found less than a full batch
 * @param batchSize rows claimed, published and marked per transaction
 * @param backoffInitial the first pause after a batch that published nothing because Kafka failed
 * @param backoffMax the longest such pause; pauses double up to it
 * @param retention how long published rows are kept (for inspection and replay) before they are purged
 * @param purgeInterval how often published rows past their retention are deleted
 * @param purgeBatchSize rows deleted per statement while purging
 */
@Validated
@ConfigurationProperties("orders.outbox")
public record OutboxProperties(
        boolean relayEnabled,
        @NotNull Duration pollInterval,
        @Min(1) @Max(10_000) int batchSize,
        @NotNull Duration backoffInitial,
        @NotNull Duration backoffMax,
        @NotNull Duration retention,
        @NotNull Duration purgeInterval,
        @Min(1) int purgeBatchSize) {}
