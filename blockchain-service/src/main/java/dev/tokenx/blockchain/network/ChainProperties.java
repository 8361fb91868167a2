package dev.tokenx.blockchain.network;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The EVM network settlement runs on ({@code blockchain.chain.*}).
 *
 * @param rpcUrl the node's JSON-RPC endpoint ({@code BLOCKCHAIN_CHAIN_RPC_URL})
 * @param chainId the id every transaction is signed for (EIP-155 / EIP-1559), so it cannot be replayed elsewhere
 * @param connectTimeout how long to wait for a connection to the node
 * @param readTimeout how long to wait for one answer; a call that takes longer is a transient failure, retried
 * @param maxFeePerGasGwei the most a transfer may pay per gas (base fee plus tip), in gwei
 * @param maxPriorityFeePerGasGwei the tip per gas offered to the block producer, in gwei
 */
@Validated
@ConfigurationProperties("blockchain.chain")
public record ChainProperties(
        @NotNull URI rpcUrl,
        @Positive long chainId,
        @NotNull Duration connectTimeout,
        @NotNull Duration readTimeout,
        @Positive long maxFeePerGasGwei,
        @Positive long maxPriorityFeePerGasGwei) {}
