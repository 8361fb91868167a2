package dev.tokenx.orders.outbox;

import dev.tokenx.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics this service publishes to through the shared outbox ({@code dev.tokenx.outbox}, configured under {@code
 * tokenx.outbox.*}), created with the partitions consumers scale on when they do not exist yet.
 */
@Configuration(proxyBeanMethods = false)
class OrderTopicsConfiguration {

    @Bean
    NewTopic orderEventsTopic(TopicProperties topics) {
        return topic(Topics.ORDER_EVENTS, topics);
    }

    @Bean
    NewTopic portfolioEventsTopic(TopicProperties topics) {
        return topic(Topics.PORTFOLIO_EVENTS, topics);
    }

    /** KycStatusChanged: this service's instances read it too, to drop a trader from their near caches. */
    @Bean
    NewTopic accountEventsTopic(TopicProperties topics) {
        return topic(Topics.ACCOUNT_EVENTS, topics);
    }

    /** PriceUpdated, keyed by token symbol. */
    @Bean
    NewTopic tokenEventsTopic(TopicProperties topics) {
        return topic(Topics.TOKEN_EVENTS, topics);
    }

    private static NewTopic topic(String name, TopicProperties topics) {
        return TopicBuilder.name(name)
                .partitions(topics.partitions())
                .replicas(topics.replicationFactor())
                .build();
    }
}
