package dev.tokenx.blockchain.settlement.messaging;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** How the topics this service writes to are created when they do not exist yet ({@code blockchain.topics.*}). */
@Validated
@ConfigurationProperties("blockchain.topics")
public record TopicProperties(
        @Min(1) int partitions, @Min(1) int replicationFactor) {}
