package dev.tokenx.blockchain.settlement.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many orders share one chain transaction ({@code blockchain.batch.*}).
 *
 * @param maxTransfersPerTransaction the most orders' transfers signed into one {@code batchForcedTransfer}; its gas
 *     limit is 60,000 + 40,000 per transfer (AssetTokenGasProvider), so the cap of 500 stays within a third of a
 *     30,000,000-gas block. Bigger batches cost less per order but a revert splits a bigger batch.
 */
@Validated
@ConfigurationProperties("blockchain.batch")
public record BatchProperties(@Min(1) @Max(500) int maxTransfersPerTransaction) {}
