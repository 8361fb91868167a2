package dev.tokenx.outbox;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * Outbox rows, serialized by {@link OutboxWriter#rows}, for a statement of the caller's: as a data-modifying CTE
 * ({@link #insertWhere}) they are written by the same statement as the change that caused them, in one round trip
 * and atomically without a transaction. The statement's text does not depend on the rows (they are bound as arrays),
 * so PostgreSQL plans it once per connection.
 *
 * <p>After such a statement has run, call {@link OutboxWriter#rowsWritten()} so that the relay publishes them at once.
 */
public final class OutboxRows {

    private static final String INSERT = """
            INSERT INTO outbox (event_id, event_type, topic, message_key, payload, request_id)
            SELECT queued.event_id, queued.event_type, queued.topic, queued.message_key, CAST(queued.payload AS json),
                   CAST(:outboxRequestId AS varchar)
              FROM unnest(CAST(:outboxEventIds AS uuid[]), CAST(:outboxEventTypes AS varchar[]),
                          CAST(:outboxTopics AS varchar[]), CAST(:outboxMessageKeys AS varchar[]),
                          CAST(:outboxPayloads AS text[]))
                   AS queued (event_id, event_type, topic, message_key, payload)""";

    private final UUID[] eventIds;
    private final String[] eventTypes;
    private final String[] topics;
    private final String[] messageKeys;
    private final String[] payloads;
    private final Optional<String> requestId;

    OutboxRows(List<Row> rows, Optional<String> requestId) {
        this.eventIds = rows.stream().map(Row::eventId).toArray(UUID[]::new);
        this.eventTypes = rows.stream().map(Row::eventType).toArray(String[]::new);
        this.topics = rows.stream().map(Row::topic).toArray(String[]::new);
        this.messageKeys = rows.stream().map(Row::messageKey).toArray(String[]::new);
        this.payloads = rows.stream().map(Row::payload).toArray(String[]::new);
        this.requestId = requestId;
    }

    /** The statement that inserts the rows on its own. */
    static String insert() {
        return INSERT;
    }

    /**
     * The insert as a data-modifying CTE of the caller's statement ({@code WITH …, announced AS (<this>) …}): the rows
     * are written only when {@code condition} holds, e.g. {@code EXISTS (SELECT 1 FROM placed)} to write them only
     * when the change they announce was written.
     *
     * @param condition an SQL condition over the caller's CTEs; a constant of the caller's, never user input
     */
    public static String insertWhere(String condition) {
        return INSERT + "\n WHERE " + condition;
    }

    /** Binds the rows' parameters (all named {@code outbox…}) to the statement that holds the insert. */
    public GenericExecuteSpec bindTo(GenericExecuteSpec statement) {
        GenericExecuteSpec bound = statement
                .bind("outboxEventIds", eventIds)
                .bind("outboxEventTypes", eventTypes)
                .bind("outboxTopics", topics)
                .bind("outboxMessageKeys", messageKeys)
                .bind("outboxPayloads", payloads);
        return requestId
                .map(id -> bound.bind("outboxRequestId", id))
                .orElseGet(() -> bound.bindNull("outboxRequestId", String.class));
    }

    public int size() {
        return eventIds.length;
    }

    record Row(UUID eventId, String eventType, String topic, String messageKey, String payload) {}
}
