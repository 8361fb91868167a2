package dev.tokenx.outbox;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The relay's SQL. Claims hold row locks until the relay's transaction ends. */
class OutboxStore {

    /**
     * The oldest unpublished rows, skipping rows another relay has locked, and skipping any row that has an older
     * unpublished row with the same key: that row goes first, so one key's events are published in order even with
     * several relays. A claim therefore holds at most one row per key.
     */
    private static final String CLAIM = """
            SELECT candidate.id, candidate.event_id, candidate.event_type, candidate.topic, candidate.message_key,
                   candidate.payload, candidate.request_id, candidate.created_at
              FROM outbox candidate
             WHERE candidate.published_at IS NULL
               AND NOT EXISTS (SELECT 1
                                 FROM outbox older
                                WHERE older.message_key = candidate.message_key
                                  AND older.published_at IS NULL
                                  AND older.id < candidate.id)
             ORDER BY candidate.id
             LIMIT :limit
               FOR UPDATE OF candidate SKIP LOCKED
            """;

    private static final String MARK_PUBLISHED = "UPDATE outbox SET published_at = :publishedAt WHERE id = ANY(:ids)";

    private static final String RECORD_FAILURE = """
            UPDATE outbox
               SET attempts = attempts + 1, last_error = left(:error, 1000)
             WHERE id = ANY(:ids)
            """;

    private static final String PURGE = """
            DELETE FROM outbox
             WHERE id IN (SELECT id
                            FROM outbox
                           WHERE published_at < :cutoff
                           ORDER BY published_at
                           LIMIT :limit)
            """;

    private final DatabaseClient db;

    OutboxStore(DatabaseClient db) {
        this.db = db;
    }

    Flux<OutboxRecord> claim(int limit) {
        return db.sql(CLAIM).bind("limit", limit).map(OutboxStore::toRecord).all();
    }

    Mono<Void> markPublished(List<Long> ids, Instant publishedAt) {
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        return db.sql(MARK_PUBLISHED)
                .bind("publishedAt", publishedAt)
                .bind("ids", ids.toArray(Long[]::new))
                .then();
    }

    Mono<Void> recordFailure(List<Long> ids, String error) {
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        return db.sql(RECORD_FAILURE)
                .bind("error", error)
                .bind("ids", ids.toArray(Long[]::new))
                .then();
    }

    /** Deletes up to {@code limit} rows published before the cutoff; returns how many. */
    Mono<Long> purgePublishedBefore(Instant cutoff, int limit) {
        return db.sql(PURGE).bind("cutoff", cutoff).bind("limit", limit).fetch().rowsUpdated();
    }

    private static OutboxRecord toRecord(Readable row) {
        return new OutboxRecord(
                row.get("id", Long.class),
                row.get("event_id", UUID.class),
                row.get("event_type", String.class),
                row.get("topic", String.class),
                row.get("message_key", String.class),
                row.get("payload", Json.class).asArray(),
                Optional.ofNullable(row.get("request_id", String.class)),
                row.get("created_at", Instant.class));
    }
}
