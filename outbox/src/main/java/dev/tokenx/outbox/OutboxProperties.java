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
 * @param pollInterval the pause after a batch smaller than {@code batchSize}, during which new rows gather into the
 *     next batch; after a batch that found nothing, the relay then sleeps until this instance appends again
 * @param idlePollInterval the longest the relay sleeps while this instance appends nothing: how soon it looks for rows
 *     appended by other instances (whose own relays normally publish them) or left by a stopped one
 * @param batchSize rows claimed, published and marked per transaction
 * @param rowsPerKey the most rows of one key in one batch; each row after a key's first is sent once the one before
 *     it is acknowledged, so each costs one more wait for Kafka within the batch's transaction
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
        @DefaultValue("5s") @NotNull Duration idlePollInterval,
        @DefaultValue("500") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("4") @Min(1) @Max(100) int rowsPerKey,
        @DefaultValue("200ms") @NotNull Duration backoffInitial,
        @DefaultValue("10s") @NotNull Duration backoffMax,
        @DefaultValue("3d") @NotNull Duration retention,
        @DefaultValue("1h") @NotNull Duration purgeInterval,
        @DefaultValue("5000") @Min(1) int purgeBatchSize) {}
