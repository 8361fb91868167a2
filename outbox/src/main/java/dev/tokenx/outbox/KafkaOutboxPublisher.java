package dev.tokenx.outbox;

import dev.tokenx.events.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes outbox records with the idempotent, {@code acks=all} producer and waits for every acknowledgement. The
 * producer is the outbox's own, so its guarantees never leak into (or depend on) the service's other producers, such
 * as a dead-letter publisher.
 */
class KafkaOutboxPublisher implements DisposableBean {

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> kafka;

    KafkaOutboxPublisher(DefaultKafkaProducerFactory<String, byte[]> producers) {
        this.producers = producers;
        this.kafka = new KafkaTemplate<>(producers);
    }

    Mono<Deliveries> publish(List<OutboxRecord> batch) {
        // send() blocks for up to max.block.ms while the producer has no metadata (e.g. broker down): off the event
        // loop.
        return Mono.fromCallable(() -> sendAll(batch))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(Flux::fromIterable)
                .flatMap(KafkaOutboxPublisher::outcome)
                .collectList()
                .map(KafkaOutboxPublisher::deliveries);
    }

    private List<Sent> sendAll(List<OutboxRecord> batch) {
        List<Sent> sent = new ArrayList<>(batch.size());
        RuntimeException refused = null;
        for (OutboxRecord record : batch) {
            if (refused != null) {
                // The producer could not send at all (no metadata in time): the rest of the batch would wait as long.
                sent.add(new Sent(record, CompletableFuture.failedFuture(refused)));
                continue;
            }
            try {
                sent.add(new Sent(record, kafka.send(toProducerRecord(record))));
            } catch (RuntimeException e) {
                if (NestedExceptionUtils.getMostSpecificCause(e) instanceof RetriableException) {
                    refused = e;
                }
                // Anything else (a record too large) is this record's own: the others still go.
                sent.add(new Sent(record, CompletableFuture.failedFuture(e)));
            }
        }
        return sent;
    }

    private static ProducerRecord<String, byte[]> toProducerRecord(OutboxRecord record) {
        ProducerRecord<String, byte[]> producerRecord =
                new ProducerRecord<>(record.topic(), record.key(), record.payload());
        producerRecord.headers().add(header(EventHeaders.EVENT_TYPE, record.eventType()));
        producerRecord
                .headers()
                .add(header(EventHeaders.EVENT_ID, record.eventId().toString()));
        record.requestId().ifPresent(id -> producerRecord.headers().add(header(EventHeaders.REQUEST_ID, id)));
        return producerRecord;
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Mono<Outcome> outcome(Sent sent) {
        return Mono.fromFuture(sent.ack(), true)
                .map(ack -> new Outcome(sent.record(), Optional.<Throwable>empty()))
                .onErrorResume(error -> Mono.just(new Outcome(sent.record(), Optional.of(error))));
    }

    private static Deliveries deliveries(List<Outcome> outcomes) {
        List<OutboxRecord> acknowledged = new ArrayList<>();
        List<OutboxRecord> failed = new ArrayList<>();
        Optional<Throwable> firstFailure = Optional.empty();
        for (Outcome outcome : outcomes) {
            if (outcome.failure().isEmpty()) {
                acknowledged.add(outcome.record());
            } else {
                failed.add(outcome.record());
                firstFailure = firstFailure.or(outcome::failure);
            }
        }
        return new Deliveries(acknowledged, failed, firstFailure);
    }

    /** Runs after the relay has stopped (lifecycle stop precedes destruction), so no batch is cut short. */
    @Override
    public void destroy() {
        producers.destroy();
    }

    private record Sent(OutboxRecord record, CompletableFuture<?> ack) {}

    private record Outcome(OutboxRecord record, Optional<Throwable> failure) {}
}
