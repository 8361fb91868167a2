package dev.tokenx.notifications.delivery.messaging;

import dev.tokenx.events.Topics;
import dev.tokenx.kafka.consumer.NonRetryableExceptions;
import dev.tokenx.notifications.delivery.application.RealtimeDeliveryFailed;
import dev.tokenx.notifications.delivery.domain.UndeliverableEvent;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * What is this service's own about consuming; the policy itself (deserializers, skip-unknown, backoff, dead letters,
 * the batch containers) is the shared module {@code kafka-consumers}. Transient failures (realtime service
 * unreachable, timed out, 5xx) retry in place with backoff, which holds back the rest of the partition and so keeps one
 * order's messages in order; what cannot succeed goes to {@code <topic>.DLT} at once.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryConsumerConfiguration {

    /**
     * Not retried: an event that lacks what its message needs, and a message the realtime service refused (4xx: the
     * same request would be refused again).
     */
    @Bean
    NonRetryableExceptions deliveryRefusals() {
        return NonRetryableExceptions.of(UndeliverableEvent.class)
                .and(RealtimeDeliveryFailed.class, failure -> !failure.isRetryable());
    }

    @Bean
    KafkaAdmin.NewTopics deadLetterTopics(TopicProperties topics) {
        return new KafkaAdmin.NewTopics(
                List.of(Topics.ORDER_EVENTS, Topics.PORTFOLIO_EVENTS, Topics.TOKEN_EVENTS, Topics.ANNOUNCEMENT_EVENTS)
                        .stream()
                        .map(topic -> deadLetterTopic(topic, topics))
                        .toArray(NewTopic[]::new));
    }

    private static NewTopic deadLetterTopic(String topic, TopicProperties topics) {
        return TopicBuilder.name(Topics.deadLetter(topic))
                .partitions(topics.partitions())
                .replicas(topics.replicationFactor())
                .build();
    }
}
