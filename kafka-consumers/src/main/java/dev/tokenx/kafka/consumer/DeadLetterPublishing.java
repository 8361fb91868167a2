package dev.tokenx.kafka.consumer;

import dev.tokenx.events.DomainEvent;
import dev.tokenx.events.Topics;
import dev.tokenx.events.kafka.DomainEventSerializer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;

/**
 * Writes dead letters to {@code <topic>.DLT} as they came: a record that could not be read keeps its original bytes,
 * an event that could be read is written back with the same serde and {@code event-type} header, so that an operator's
 * replay reads it like the original; both keep the original headers plus spring-kafka's {@code kafka_dlt-*} headers
 * (exception, message, original topic, partition, offset, group). The producer is the service's ({@code
 * spring.kafka.producer.*}) with the guarantees fixed: every in-sync replica acknowledges, the broker drops the
 * producer's own retries. It is no {@code ProducerFactory} bean, so that Boot's own producer and template stay as
 * they are.
 */
final class DeadLetterPublishing implements DisposableBean {

    private final DefaultKafkaProducerFactory<String, Object> producers;
    private final DeadLetterPublishingRecoverer publisher;

    DeadLetterPublishing(Map<String, Object> producerProperties) {
        Map<String, Object> config = new HashMap<>(producerProperties);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // A client id of its own, so that its metrics and quotas stay apart from the service's other producers.
        config.merge(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters", (service, role) -> service + "-" + role);
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(DomainEvent.class, new DomainEventSerializer());
        this.producers = new DefaultKafkaProducerFactory<>(
                config, new StringSerializer(), new DelegatingByTypeSerializer(byType, true));
        this.publisher = new DeadLetterPublishingRecoverer(
                new KafkaTemplate<>(producers),
                // -1: the producer picks the partition by key, whatever the dead-letter topic's partition count.
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
    }

    /** Publishes a dead letter whose exception headers name the real failure, not the batch that reported it. */
    ConsumerAwareRecordRecoverer recoverer() {
        return (record, consumer, failure) -> publisher.accept(record, consumer, unwrapBatch(failure));
    }

    /**
     * A batch listener reports a failed record as a {@link BatchListenerFailedException} around the real failure, and
     * spring-kafka's {@code kafka_dlt-exception-cause-fqcn} header looks only through the listener's own wrapper: an
     * operator would read "BatchListenerFailedException" on every dead letter of a batch listener. The listener's
     * wrapper is kept (it names the consumer group), around the real failure.
     */
    static Exception unwrapBatch(Exception failure) {
        if (failure instanceof ListenerExecutionFailedException listener
                && listener.getCause() instanceof BatchListenerFailedException batch
                && batch.getCause() != null) {
            return new ListenerExecutionFailedException(listener.getMessage(), listener.getGroupId(), batch.getCause());
        }
        return failure;
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
