package dev.tokenx.orders.order.messaging;

import dev.tokenx.events.Topics;
import dev.tokenx.kafka.consumer.NonRetryableExceptions;
import dev.tokenx.orders.ledger.domain.HoldNotSettled;
import dev.tokenx.orders.order.application.OrderNotFound;
import dev.tokenx.orders.order.domain.OrderStateConflict;
import dev.tokenx.orders.outbox.TopicProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * What is this service's own about consuming settlement events; the policy itself (deserializers, skip-unknown,
 * backoff, dead letters, the batch container) is the shared module {@code kafka-consumers}.
 */
@Configuration(proxyBeanMethods = false)
class SettlementConsumerConfiguration {

    /**
     * Failures no retry can cure go to the dead-letter topic at once: an event for an order this service does not
     * have, news that contradicts the order's final outcome, a hold the ledger does not have.
     */
    @Bean
    NonRetryableExceptions settlementRefusals() {
        return NonRetryableExceptions.of(OrderNotFound.class, OrderStateConflict.class, HoldNotSettled.class);
    }

    /** The topic may not exist yet when this service starts before the blockchain service first publishes. */
    @Bean
    NewTopic settlementEventsTopic(TopicProperties topics) {
        return topic(Topics.SETTLEMENT_EVENTS, topics);
    }

    @Bean
    NewTopic settlementEventsDeadLetterTopic(TopicProperties topics) {
        return topic(Topics.deadLetter(Topics.SETTLEMENT_EVENTS), topics);
    }

    private static NewTopic topic(String name, TopicProperties topics) {
        return TopicBuilder.name(name)
                .partitions(topics.partitions())
                .replicas(topics.replicationFactor())
                .build();
    }
}
