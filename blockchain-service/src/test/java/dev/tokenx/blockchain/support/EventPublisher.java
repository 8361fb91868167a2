package dev.tokenx.blockchain.support;

import dev.tokenx.events.DomainEvent;
import dev.tokenx.events.EventCatalog;
import dev.tokenx.events.EventHeaders;
import dev.tokenx.events.EventJson;
import dev.tokenx.events.Topics;
import dev.tokenx.testkit.Infrastructure;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes to the order events topic as the order service's outbox relay does, or as a broken producer would. */
public final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    Infrastructure.kafka().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG,
                    "all"),
            new StringSerializer(),
            new ByteArraySerializer());

    /** The event, keyed and named by the catalog, with its id in the headers. */
    public void publish(DomainEvent event) {
        publishWithRequestId(event, null);
    }

    public void publishWithRequestId(DomainEvent event, String requestId) {
        publish(EventCatalog.keyOf(event), event, requestId);
    }

    /** The event under another key: it lands on that key's partition, behind that key's records. */
    public void publishUnderKey(String key, DomainEvent event) {
        publish(key, event, null);
    }

    private void publish(String key, DomainEvent event, String requestId) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(EventCatalog.topicOf(event), key, EventJson.write(event));
        header(record, EventHeaders.EVENT_TYPE, EventCatalog.typeOf(event));
        header(record, EventHeaders.EVENT_ID, event.eventId().toString());
        if (requestId != null) {
            header(record, EventHeaders.REQUEST_ID, requestId);
        }
        send(record);
    }

    /** Any bytes under any type name (none when {@code type} is null), on the order events topic. */
    public void publishRaw(String key, String type, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ORDER_EVENTS, key, value);
        if (type != null) {
            header(record, EventHeaders.EVENT_TYPE, type);
        }
        send(record);
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish to " + record.topic(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing", e);
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
