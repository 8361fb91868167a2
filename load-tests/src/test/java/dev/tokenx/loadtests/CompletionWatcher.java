package dev.tokenx.loadtests;

import dev.tokenx.events.DomainEvent;
import dev.tokenx.events.EventHeaders;
import dev.tokenx.events.EventJson;
import dev.tokenx.events.OrderStatusChanged;
import dev.tokenx.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches the order events topic, from its end at start, for the final status of each order ({@code COMPLETED} or
 * {@code FAILED}, as order-service publishes it after settlement) and records when it arrived. It reads without a
 * consumer group, so it takes nothing from the services' own consumers.
 */
final class CompletionWatcher implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final SettlementTally tally;
    private final Thread thread;

    private CompletionWatcher(KafkaConsumer<String, byte[]> consumer, SettlementTally tally) {
        this.consumer = consumer;
        this.tally = tally;
        this.thread = Thread.ofPlatform().name("completion-watcher").daemon().unstarted(this::run);
    }

    /** Positioned at the topic's end before it returns: orders placed afterwards are all seen. */
    static CompletionWatcher start(String bootstrapServers, Map<String, Object> security, SettlementTally tally) {
        Map<String, Object> config = new HashMap<>(security);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ORDER_EVENTS, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        CompletionWatcher watcher = new CompletionWatcher(consumer, tally);
        watcher.thread.start();
        return watcher;
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    record(record, System.nanoTime());
                }
            }
        } catch (WakeupException closing) {
            // close() woke the poll: the run is over.
        } finally {
            consumer.close();
        }
    }

    private void record(ConsumerRecord<String, byte[]> record, long atNanos) {
        Header type = record.headers().lastHeader(EventHeaders.EVENT_TYPE);
        if (type == null) {
            return;
        }
        DomainEvent event = EventJson.read(new String(type.value(), StandardCharsets.UTF_8), record.value());
        if (event instanceof OrderStatusChanged changed) {
            switch (changed.status()) {
                case "COMPLETED" ->
                    tally.finished(changed.orderId().toString(), SettlementTally.Outcome.COMPLETED, atNanos);
                case "FAILED" -> tally.finished(changed.orderId().toString(), SettlementTally.Outcome.FAILED, atNanos);
                default -> {}
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(Duration.ofSeconds(10));
    }
}
