package dev.tokenx.outbox;

import dev.tokenx.events.DomainEvent;
import dev.tokenx.events.EventCatalog;
import dev.tokenx.events.EventJson;
import io.r2dbc.postgresql.codec.Json;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Mono;

/**
 * Appends events to the outbox inside the caller's transaction, so they are published if and only if the change
 * that caused them commits. Topic, key and wire name come from {@link EventCatalog}; the payload is serialized here,
 * once, and published byte for byte by the {@link OutboxRelay}.
 */
public class OutboxWriter {

    private static final String APPEND = """
            INSERT INTO outbox (event_id, event_type, topic, message_key, payload, request_id)
            VALUES (:eventId, :eventType, :topic, :messageKey, :payload, :requestId)
            """;

    private final DatabaseClient db;

    OutboxWriter(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> append(DomainEvent event, Optional<String> requestId) {
        GenericExecuteSpec statement = db.sql(APPEND)
                .bind("eventId", event.eventId())
                .bind("eventType", EventCatalog.typeOf(event))
                .bind("topic", EventCatalog.topicOf(event))
                .bind("messageKey", EventCatalog.keyOf(event))
                .bind("payload", Json.of(EventJson.write(event)));
        return requestId
                .map(id -> statement.bind("requestId", id))
                .orElseGet(() -> statement.bindNull("requestId", String.class))
                .then();
    }
}
