package dev.tokenx.orders.outbox;

import dev.tokenx.events.Topics;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class OutboxKafkaConfiguration {

    /**
     * The guarantees the relay's "nothing lost, nothing twice" rests on are fixed here rather than left to
     * configuration: every in-sync replica acknowledges, and the broker drops the producer's own retries. Timeouts
     * and batching stay tunable under {@code spring.kafka.producer.*}.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer outboxProducerGuarantees() {
        return factory -> factory.updateConfigs(Map.of(
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class));
    }

    @Bean
    NewTopic orderEventsTopic(TopicProperties topics) {
        return TopicBuilder.name(Topics.ORDER_EVENTS)
                .partitions(topics.partitions())
                .replicas(topics.replicationFactor())
                .build();
    }
}
