package dev.tokenx.kafka.consumer;

import dev.tokenx.events.DomainEvent;
import dev.tokenx.events.kafka.DomainEventDeserializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The Kafka consumer policy of every consuming service, written once:
 *
 * <ul>
 *   <li>String keys; values read by their {@code event-type} header ({@link DomainEventDeserializer}) behind an
 *       {@code ErrorHandlingDeserializer}, so that a record that cannot be read becomes a dead letter instead of an
 *       endless redelivery. Deserializers are code, not configuration: a typo in a class name must not reach
 *       production;
 *   <li>event types newer than this build skipped, not dead-lettered ({@link SkipUnknownEventsOnly});
 *   <li>one {@link DefaultErrorHandler}: transient failures retried in place with capped, jittered exponential
 *       backoff ({@code tokenx.kafka.consumer.retry.*}), which holds back the rest of the partition and so keeps one
 *       key's events in order; then, or at once for the service's {@link NonRetryableExceptions} and unreadable
 *       records, the record goes to {@code <topic>.DLT} ({@link DeadLetterPublishing}), logged and counted
 *       ({@link ConsumerFailures});
 *   <li>two listener container factories with the service's group and concurrency: {@link KafkaConsumers#RECORD}
 *       (the default) and {@link KafkaConsumers#BATCH} ({@link ConsumedBatch}).
 * </ul>
 *
 * Ordered before Boot's Kafka auto-configuration, so that its default container factory steps aside for this one;
 * Boot's consumer factory, {@code spring.kafka.consumer.*} and {@code RecordInterceptor} bean still apply.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@ConditionalOnClass({EnableKafka.class, DomainEvent.class})
@EnableConfigurationProperties(KafkaConsumerProperties.class)
public class KafkaConsumersAutoConfiguration {

    private static final BackOff NO_RETRIES = new FixedBackOff(0, 0);

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

    @Bean
    DeadLetterPublishing deadLetterPublishing(
            KafkaProperties kafka, ObjectProvider<KafkaConnectionDetails> connection) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        connection.ifAvailable(details -> producer.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, details.getProducer().getBootstrapServers()));
        return new DeadLetterPublishing(producer);
    }

    @Bean
    DefaultErrorHandler kafkaConsumerErrorHandler(
            DeadLetterPublishing deadLetters,
            KafkaConsumerProperties properties,
            ObjectProvider<NonRetryableExceptions> nonRetryable,
            ObjectProvider<MeterRegistry> meters) {
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters.recoverer(), backOff(properties.retry()));
        List<NonRetryableExceptions> declared = nonRetryable.orderedStream().toList();
        declared.forEach(service -> service.types().forEach(handler::addNotRetryableExceptions));
        // null keeps the exponential backoff; a permanent failure found by a condition is not retried at all.
        handler.setBackOffFunction((ConsumerRecord<?, ?> record, Exception failure) ->
                declared.stream().anyMatch(service -> service.conditionHolds(failure)) ? NO_RETRIES : null);
        handler.setRetryListeners(new ConsumerFailures(meters.getIfAvailable(SimpleMeterRegistry::new)));
        return handler;
    }

    @Bean(KafkaConsumers.RECORD)
    ConcurrentKafkaListenerContainerFactory<Object, Object> kafkaListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<Object, Object> consumers,
            DefaultErrorHandler kafkaConsumerErrorHandler,
            KafkaConsumerProperties properties) {
        return factory(configurer, consumers, kafkaConsumerErrorHandler, properties, false);
    }

    @Bean(KafkaConsumers.BATCH)
    ConcurrentKafkaListenerContainerFactory<Object, Object> batchKafkaListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<Object, Object> consumers,
            DefaultErrorHandler kafkaConsumerErrorHandler,
            KafkaConsumerProperties properties) {
        return factory(configurer, consumers, kafkaConsumerErrorHandler, properties, true);
    }

    private static ConcurrentKafkaListenerContainerFactory<Object, Object> factory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<Object, Object> consumers,
            DefaultErrorHandler errorHandler,
            KafkaConsumerProperties properties,
            boolean batch) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        factory.setBatchListener(batch);
        factory.setCommonErrorHandler(errorHandler);
        factory.setRecordFilterStrategy(new SkipUnknownEventsOnly());
        factory.setConcurrency(properties.concurrency());
        factory.getContainerProperties().setGroupId(properties.groupId());
        return factory;
    }

    private static ExponentialBackOff backOff(KafkaConsumerProperties.Retry retry) {
        ExponentialBackOff backOff =
                new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setJitter(retry.jitter().toMillis());
        backOff.setMaxAttempts(retry.maxRetries());
        return backOff;
    }
}
