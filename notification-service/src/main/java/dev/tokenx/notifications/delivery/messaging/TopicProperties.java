package dev.tokenx.notifications.delivery.messaging;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The shape of the topics this service creates when they do not exist yet: its dead-letter topics. */
@Validated
@ConfigurationProperties("notifications.topics")
public record TopicProperties(
        @Positive int partitions, @Positive short replicationFactor) {}
