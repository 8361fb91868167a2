package dev.tokenx.orders.outbox;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** How the topics this service publishes to are created when they do not exist yet. */
@Validated
@ConfigurationProperties("orders.topics")
public record TopicProperties(
        @Min(1) int partitions, @Min(1) int replicationFactor) {}
