package dev.tokenx.blockchain.settlement.messaging;

import dev.tokenx.blockchain.settlement.application.PermanentSettlementFailure;
import dev.tokenx.events.Topics;
import dev.tokenx.kafka.consumer.NonRetryableExceptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * What is this service's own in consuming placed orders; the policy (deserializers, skip-unknown, backoff, dead
 * letters, the batch container) is the platform's, from module {@code kafka-consumers}. An order that can never be
 * settled is not retried.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConsumerConfiguration {

    @Bean
    NonRetryableExceptions settlementRefusals() {
        return NonRetryableExceptions.of(PermanentSettlementFailure.class);
    }

    @Bean
    NewTopic settlementEventsTopic(TopicProperties topics) {
        return topic(Topics.SETTLEMENT_EVENTS, topics);
    }

    @Bean
    NewTopic orderEventsDeadLetterTopic(TopicProperties topics) {
        return topic(Topics.deadLetter(Topics.ORDER_EVENTS), topics);
    }

    private static NewTopic topic(String name, TopicProperties topics) {
        return TopicBuilder.name(name)
                .partitions(topics.partitions())
                .replicas(topics.replicationFactor())
                .build();
    }
}
