package dev.tokenx.notifications.support;

import dev.tokenx.events.Topics;
import dev.tokenx.testkit.Infrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a dead-letter topic from the beginning, without a consumer group, and keeps what it has read. */
public final class DeadLetters implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> read = new CopyOnWriteArrayList<>();

    private DeadLetters(String topic) {
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        Infrastructure.kafka().bootstrapServers()),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(partition -> new TopicPartition(topic, partition.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** The dead letters of a consumed topic, e.g. {@code Topics.ORDER_EVENTS} for {@code orders.order-events.DLT}. */
    public static DeadLetters of(String topic) {
        return new DeadLetters(Topics.deadLetter(topic));
    }

    /** Polls once more, then looks for the record with the key among everything read so far. */
    public Optional<ConsumerRecord<String, byte[]>> withKey(String key) {
        consumer.poll(Duration.ofMillis(200)).forEach(read::add);
        return read.stream().filter(record -> key.equals(record.key())).findFirst();
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
