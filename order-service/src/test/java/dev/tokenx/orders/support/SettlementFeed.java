package dev.tokenx.orders.support;

import static org.awaitility.Awaitility.await;

import dev.tokenx.events.DomainEvent;
import dev.tokenx.events.EventHeaders;
import dev.tokenx.events.EventJson;
import dev.tokenx.events.SettlementConfirmed;
import dev.tokenx.events.SettlementConfirming;
import dev.tokenx.events.SettlementEvent;
import dev.tokenx.events.SettlementFailed;
import dev.tokenx.events.SettlementSubmitted;
import dev.tokenx.events.Topics;
import dev.tokenx.events.kafka.DomainEventSerializer;
import dev.tokenx.events.samples.GoldenSamples;
import dev.tokenx.testkit.Infrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays the blockchain service: publishes settlement events for an order onto the settlement topic, keyed by order
 * id, in the shape of the golden samples of {@code common-events}, and waits until a consumer group has read them.
 */
public final class SettlementFeed implements AutoCloseable {

    /** The transaction hash of the golden samples. */
    public static final String TX_HASH =
            sample("settlement-submitted.v1", SettlementSubmitted.class).txHash();

    private final KafkaProducer<String, DomainEvent> events;
    private final KafkaProducer<String, byte[]> raw;
    private final Admin admin;

    /** The last offset this feed wrote to each partition. */
    private final Map<TopicPartition, Long> sent = new ConcurrentHashMap<>();

    public SettlementFeed() {
        Properties config = new Properties();
        config.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafka().bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        events = new KafkaProducer<>(config, new StringSerializer(), new DomainEventSerializer());
        raw = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.kafka().bootstrapServers()));
    }

    public static SettlementSubmitted submitted(UUID orderId) {
        SettlementSubmitted golden = sample("settlement-submitted.v1", SettlementSubmitted.class);
        return new SettlementSubmitted(UUID.randomUUID(), orderId, golden.txHash(), golden.nonce(), Instant.now());
    }

    public static SettlementConfirming confirming(UUID orderId, int confirmations) {
        SettlementConfirming golden = sample("settlement-confirming.v1", SettlementConfirming.class);
        return new SettlementConfirming(
                UUID.randomUUID(),
                orderId,
                golden.txHash(),
                golden.blockNumber(),
                confirmations,
                golden.requiredConfirmations(),
                Instant.now());
    }

    public static SettlementConfirmed confirmed(UUID orderId) {
        SettlementConfirmed golden = sample("settlement-confirmed.v1", SettlementConfirmed.class);
        return new SettlementConfirmed(
                UUID.randomUUID(),
                orderId,
                golden.txHash(),
                golden.blockNumber(),
                golden.confirmations(),
                Instant.now());
    }

    public static SettlementFailed failed(UUID orderId) {
        SettlementFailed golden = sample("settlement-failed.v1", SettlementFailed.class);
        return new SettlementFailed(UUID.randomUUID(), orderId, golden.txHash(), golden.reason(), Instant.now());
    }

    public static String goldenFailureReason() {
        return sample("settlement-failed.v1", SettlementFailed.class).reason();
    }

    public void publish(SettlementEvent... settlement) {
        for (SettlementEvent event : settlement) {
            send(
                    events,
                    new ProducerRecord<>(
                            Topics.SETTLEMENT_EVENTS, event.orderId().toString(), event));
        }
    }

    /**
     * Events of several orders under one key, hence on one partition in this order: the shape of one consumer's batch
     * made certain.
     */
    public void publishUnder(String key, SettlementEvent... settlement) {
        for (SettlementEvent event : settlement) {
            send(events, new ProducerRecord<>(Topics.SETTLEMENT_EVENTS, key, event));
        }
    }

    /** The event as the blockchain service publishes it for an order placed by request {@code requestId}. */
    public void publishForRequest(String requestId, SettlementEvent event) {
        ProducerRecord<String, DomainEvent> record =
                new ProducerRecord<>(Topics.SETTLEMENT_EVENTS, event.orderId().toString(), event);
        record.headers().add(EventHeaders.REQUEST_ID, requestId.getBytes(StandardCharsets.UTF_8));
        send(events, record);
    }

    /** A record no reader can parse, under a known event type. */
    public void publishUnreadable(String key, String eventType) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                Topics.SETTLEMENT_EVENTS, key, "{\"orderId\": not json".getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_TYPE, eventType.getBytes(StandardCharsets.UTF_8));
        send(raw, record);
    }

    /** Waits until the group has committed past everything this feed published: all of it is applied. */
    public void awaitConsumedBy(String groupId, Duration patience) {
        await().atMost(patience).pollInterval(Duration.ofMillis(50)).until(() -> caughtUp(groupId));
    }

    private boolean caughtUp(String groupId) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata()
                .get();
        return sent.entrySet().stream().allMatch(written -> {
            OffsetAndMetadata position = committed.get(written.getKey());
            return position != null && position.offset() > written.getValue();
        });
    }

    private <V> void send(KafkaProducer<String, V> producer, ProducerRecord<String, V> record) {
        try {
            RecordMetadata written = producer.send(record).get();
            sent.merge(new TopicPartition(written.topic(), written.partition()), written.offset(), Math::max);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static <T extends DomainEvent> T sample(String name, Class<T> type) {
        return type.cast(EventJson.read(
                GoldenSamples.typeOf(name), GoldenSamples.read(name).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        events.close();
        raw.close();
        admin.close();
    }
}
