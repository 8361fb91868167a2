package dev.tokenx.blockchain.settlement.messaging;

import dev.tokenx.blockchain.settlement.application.PermanentSettlementFailure;
import dev.tokenx.events.DomainEvent;
import dev.tokenx.events.Topics;
import dev.tokenx.events.kafka.DomainEventDeserializer;
import dev.tokenx.events.kafka.DomainEventSerializer;
import dev.tokenx.events.kafka.SkipUnknownEvents;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Consuming placed orders, a poll's batch at a time: events read by their {@code event-type} header, a record that
 * cannot be read goes straight to the dead-letter topic (poison), and one error handler retries transient failures
 * with a capped, jittered exponential backoff before dead-lettering them (a whole batch's, when the batch failed). Permanent failures ({@link PermanentSettlementFailure}, unreadable
 * records) are not retried.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConsumerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaConsumerConfiguration.class);

    /** Deserializers are code, not configuration: a typo in a class name must not reach production. */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer eventDeserializers() {
        return factory -> factory.updateConfigs(Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ErrorHandlingDeserializer.class,
                ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS,
                DomainEventDeserializer.class));
    }

    /** Event types newer than this build are skipped, not dead-lettered (Boot puts the filter on the factory). */
    @Bean
    SkipUnknownEvents skipUnknownEvents() {
        return new SkipUnknownEvents();
    }

    /**
     * Batch listeners: a poll's orders are settled together. A batch listener sees the records the deserializer could
     * not read (a record listener never does: the container dead-letters them first), so the filter must let them
     * through to the listener, which names them to the error handler; only unknown types are skipped.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> kafkaListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<Object, Object> consumers,
            DefaultErrorHandler errorHandler,
            SkipUnknownEvents skipUnknownEvents,
            ConsumerProperties properties) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        factory.setBatchListener(true);
        factory.setRecordFilterStrategy(
                record -> record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) == null
                        && skipUnknownEvents.filter(record));
        factory.setCommonErrorHandler(errorHandler);
        factory.setConcurrency(properties.concurrency());
        factory.getContainerProperties().setGroupId(properties.groupId());
        return factory;
    }

    @Bean
    DefaultErrorHandler settlementErrorHandler(
            KafkaTemplate<String, Object> deadLetters, ConsumerProperties properties) {
        DeadLetterPublishingRecoverer deadLetterTopic = new DeadLetterPublishingRecoverer(
                deadLetters, (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        ConsumerRecordRecoverer recoverer = (record, failure) -> {
            log.error(
                    "Sending {}-{}@{} (key {}) to {}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    record.key(),
                    Topics.deadLetter(record.topic()),
                    NestedExceptionUtils.getMostSpecificCause(failure).toString());
            deadLetterTopic.accept(record, unwrapped(failure));
        };
        ExponentialBackOff backOff =
                new ExponentialBackOff(properties.retryInitialInterval().toMillis(), properties.retryMultiplier());
        backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
        backOff.setJitter(properties.retryJitter().toMillis());
        backOff.setMaxAttempts(properties.retryMaxAttempts());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(PermanentSettlementFailure.class);
        return handler;
    }

    /**
     * The batch listener names the failed record in a {@link BatchListenerFailedException}: the dead letter carries
     * what that wraps (the {@code kafka_dlt-exception-cause-*} headers name {@code ChainUnavailable}, say), as a record
     * listener's dead letters did.
     */
    private static Exception unwrapped(Exception failure) {
        if (failure instanceof ListenerExecutionFailedException
                && failure.getCause() instanceof BatchListenerFailedException named
                && named.getCause() != null) {
            return new ListenerExecutionFailedException(failure.getMessage(), named.getCause());
        }
        return failure;
    }

    /**
     * Dead letters carry the original bytes of a record that could not be read, and the event itself otherwise; both
     * keep the original headers, plus the exception's.
     */
    @Bean
    ProducerFactory<String, Object> deadLetterProducers(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.merge(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters", (service, role) -> service + "-" + role);
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(DomainEvent.class, new DomainEventSerializer());
        return new DefaultKafkaProducerFactory<>(
                config, new StringSerializer(), new DelegatingByTypeSerializer(byType, true));
    }

    @Bean
    KafkaTemplate<String, Object> deadLetterTemplate(ProducerFactory<String, Object> deadLetterProducers) {
        return new KafkaTemplate<>(deadLetterProducers);
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
