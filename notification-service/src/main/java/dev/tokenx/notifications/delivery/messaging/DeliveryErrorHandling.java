package dev.tokenx.notifications.delivery.messaging;

import dev.tokenx.events.DomainEvent;
import dev.tokenx.events.Topics;
import dev.tokenx.events.kafka.DomainEventSerializer;
import dev.tokenx.events.kafka.SkipUnknownEvents;
import dev.tokenx.notifications.delivery.application.RealtimeDeliveryFailed;
import dev.tokenx.notifications.delivery.domain.UndeliverableEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The one error handler of this service's listeners (Boot's listener container factory picks it up). Transient
 * failures retry in place with capped exponential backoff and jitter, which holds back the rest of the partition and so
 * keeps one order's messages in order; what cannot succeed goes to {@code <topic>.DLT} at once, with the exception and
 * the original topic, partition and offset in headers, for an operator to inspect and replay:
 *
 * <ul>
 *   <li>a record that cannot be read (no or unknown {@code event-type}, broken JSON): the {@code
 *       ErrorHandlingDeserializer} hands it over as a {@code DeserializationException}, which spring-kafka never
 *       retries;
 *   <li>an event that lacks what its message needs ({@link UndeliverableEvent});
 *   <li>a message the realtime service refused (4xx: {@link RealtimeDeliveryFailed} that is not retryable).
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class DeliveryErrorHandling {

    private static final BackOff NO_RETRIES = new FixedBackOff(0, 0);

    /** Event types newer than this build are skipped, not dead-lettered (Boot puts the filter on the factory). */
    @Bean
    SkipUnknownEvents skipUnknownEvents() {
        return new SkipUnknownEvents();
    }

    @Bean
    DefaultErrorHandler deliveryErrorHandler(
            KafkaTemplate<String, Object> deadLetterTemplate, RetryProperties retry, MeterRegistry meters) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(
                deadLetterTemplate,
                // -1: the producer picks the partition by key, whatever the dead-letter topic's partition count.
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff(retry));
        handler.addNotRetryableExceptions(UndeliverableEvent.class);
        handler.setBackOffFunction(DeliveryErrorHandling::refusalsAreNotRetried);
        handler.setRetryListeners(new DeliveryFailures(meters));
        return handler;
    }

    /** {@code null} keeps the handler's exponential backoff. */
    private static BackOff refusalsAreNotRetried(ConsumerRecord<?, ?> record, Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RealtimeDeliveryFailed deliveryFailed) {
                return deliveryFailed.isRetryable() ? null : NO_RETRIES;
            }
        }
        return null;
    }

    private static ExponentialBackOff backOff(RetryProperties retry) {
        ExponentialBackOff backOff =
                new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setJitter(retry.jitter().toMillis());
        backOff.setMaxAttempts(retry.maxRetries());
        return backOff;
    }

    /**
     * Writes dead letters as they came: a record that could not be read keeps its original bytes, an event that could
     * be read is written back with the same serde and {@code event-type} header, so a replay reads it like the original.
     */
    @Bean
    KafkaTemplate<String, Object> deadLetterTemplate(KafkaProperties kafka) {
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(DomainEvent.class, new DomainEventSerializer());
        DefaultKafkaProducerFactory<String, Object> producers = new DefaultKafkaProducerFactory<>(
                kafka.buildProducerProperties(), new StringSerializer(), new DelegatingByTypeSerializer(byType, true));
        return new KafkaTemplate<>(producers);
    }

    @Bean
    KafkaAdmin.NewTopics deadLetterTopics(TopicProperties topics) {
        return new KafkaAdmin.NewTopics(
                List.of(Topics.ORDER_EVENTS, Topics.PORTFOLIO_EVENTS, Topics.ANNOUNCEMENT_EVENTS).stream()
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
