package dev.tokenx.blockchain.settlement.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How transfers are followed until they are final ({@code blockchain.confirmations.*}).
 *
 * @param required blocks (the transaction's own included) after which a transfer is confirmed
 * @param trackerEnabled whether this instance follows the chain; several may (their writes are guarded)
 * @param pollInterval how often the tracker asks for the chain's head
 * @param rebroadcastAfter a transaction not seen in a block for this long is looked up and, if the node has lost it,
 *     sent again (the same signed bytes)
 * @param maxBlocksPerTick blocks scanned per tick when the tracker is behind; the rest wait for the next tick
 * @param batchSize settlements advanced or re-sent per tick and kind
 */
@Validated
@ConfigurationProperties("blockchain.confirmations")
public record ConfirmationProperties(
        @Min(1) @Max(1000) int required,
        boolean trackerEnabled,
        @NotNull Duration pollInterval,
        @NotNull Duration rebroadcastAfter,
        @Min(1) int maxBlocksPerTick,
        @Min(1) int batchSize) {}
