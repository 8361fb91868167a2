package dev.tokenx.kafka.consumer;

import dev.tokenx.events.kafka.SkipUnknownEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.adapter.RecordFilterStrategy;

/**
 * {@link SkipUnknownEvents}, but never for an unreadable record: both read as a {@code null} value, and in a batch an
 * unreadable record must reach the listener ({@link ConsumedBatch}) to be dead-lettered rather than skipped. (A
 * record listener never sees one: the container hands it to the error handler first.)
 */
final class SkipUnknownEventsOnly implements RecordFilterStrategy<Object, Object> {

    private final SkipUnknownEvents unknownEvents = new SkipUnknownEvents();

    @Override
    public boolean filter(ConsumerRecord<Object, Object> record) {
        return ConsumedBatch.unreadable(record) == null && unknownEvents.filter(record);
    }
}
