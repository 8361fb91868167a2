package dev.tokenx.outbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How this service's outbox relay runs ({@code tokenx.outbox.*}, e.g. {@code TOKENX_OUTBOX_BATCH_SIZE}). The defaults
 * suit a service publishing a few hundred events a second; each service may override any of them.
 *
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
@ConfigurationProperties("tokenx.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("100ms") @NotNull Duration pollInterval,
        @DefaultValue("500") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("200ms") @NotNull Duration backoffInitial,
        @DefaultValue("10s") @NotNull Duration backoffMax,
        @DefaultValue("3d") @NotNull Duration retention,
        @DefaultValue("1h") @NotNull Duration purgeInterval,
        @DefaultValue("5000") @Min(1) int purgeBatchSize) {}
