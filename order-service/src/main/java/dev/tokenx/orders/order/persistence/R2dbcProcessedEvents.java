package dev.tokenx.orders.order.persistence;

import dev.tokenx.orders.order.application.ProcessedEvents;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class R2dbcProcessedEvents implements ProcessedEvents {

    private static final String MARK = """
            INSERT INTO processed_events (event_id, event_type)
            VALUES (:eventId, :eventType)
            ON CONFLICT (event_id) DO NOTHING
            """;

    private final DatabaseClient db;

    R2dbcProcessedEvents(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Boolean> markProcessed(UUID eventId, String eventType) {
        return db.sql(MARK)
                .bind("eventId", eventId)
                .bind("eventType", eventType)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }
}
