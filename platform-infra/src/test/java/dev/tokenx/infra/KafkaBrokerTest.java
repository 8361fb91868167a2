package dev.tokenx.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @Test
    void auto_creates_a_topic_and_keeps_its_record_through_a_stop_and_start_on_the_same_port(@TempDir Path folder)
            throws Exception {
        Path dataDir = folder.resolve("kafka");
        try (KafkaBroker kafka = KafkaBroker.start(FreePorts.pick(), dataDir)) {
            assertThat(kafka.isRunning()).isTrue();
            RecordMetadata written = produce(kafka, "outage-proof", "order-1", "placed");
            assertThat(consumeFromBeginning(kafka, "outage-proof", 1)).containsExactly("order-1=placed");
            try (KafkaProducer<String, String> producer = producer(kafka)) {
                assertThat(producer.partitionsFor("outage-proof")).hasSize(3);
            }

            kafka.stop();
            assertThat(kafka.isRunning()).isFalse();

            kafka.start();
            assertThat(kafka.isRunning()).isTrue();
            assertThat(consumeFromBeginning(kafka, "outage-proof", 1)).containsExactly("order-1=placed");
            assertThat(written.offset()).isZero();
        }
        assertThat(dataDir.resolve("broker.log"))
                .content()
                .contains("Kafka Server started")
                .contains("shut down completed");
    }

    private static RecordMetadata produce(KafkaBroker kafka, String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = producer(kafka)) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static KafkaProducer<String, String> producer(KafkaBroker kafka) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true),
                new StringSerializer(),
                new StringSerializer());
    }

    /** A fresh consumer group each time: it can only see records the broker really kept. */
    private static List<String> consumeFromBeginning(KafkaBroker kafka, String topic, int expected) {
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "reader-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record.key() + "=" + record.value());
                }
                return seen.size() >= expected;
            });
        }
        return seen;
    }
}
