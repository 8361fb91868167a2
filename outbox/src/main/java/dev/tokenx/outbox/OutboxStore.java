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

/** The relay's SQL. Claims hold row locks until the relay's transaction ends; a batch is acknowledged by one statement. */
class OutboxStore {

    /**
     * The oldest unpublished rows, in batches that keep each key's events in order across relays.
     *
     * <p>{@code heads}: the oldest unpublished row of each key (a row with an older unpublished row of its key is not a
     * head: that row goes first), skipping rows another relay has locked. Then, for each head this relay locked, the
     * key's next unpublished rows up to {@code rowsPerKey}, so that an order's {@code OrderPlaced} and {@code
     * OrderStatusChanged} go out in one batch. Those followers are locked without {@code SKIP LOCKED}: no other relay
     * can hold one, since it would have to hold the key's head too (a follower is never a head while the head is
     * unpublished), so a key's claimed rows are always its oldest ones, without gaps. Index-backed at any backlog:
     * {@code outbox_unpublished} yields candidates in id order, {@code outbox_unpublished_by_key} answers both the
     * "older row" probe and the followers.
     */
    static final String CLAIM = """
            WITH heads AS (
                SELECT candidate.id, candidate.message_key
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
            )
            SELECT claimed.id, claimed.event_id, claimed.event_type, claimed.topic, claimed.message_key,
                   claimed.payload, claimed.request_id, claimed.created_at
              FROM heads
             CROSS JOIN LATERAL (SELECT queued.id, queued.event_id, queued.event_type, queued.topic,
                                        queued.message_key, queued.payload, queued.request_id, queued.created_at
                                   FROM outbox queued
                                  WHERE queued.message_key = heads.message_key
                                    AND queued.published_at IS NULL
                                    AND queued.id >= heads.id
                                  ORDER BY queued.id
                                  LIMIT :rowsPerKey
                                    FOR UPDATE OF queued) claimed
             ORDER BY claimed.id
             LIMIT :limit
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

    /** Up to {@code limit} rows in id order, at most {@code rowsPerKey} of one key, locked until the transaction ends. */
    Flux<OutboxRecord> claim(int limit, int rowsPerKey) {
        return db.sql(CLAIM)
                .bind("limit", limit)
                .bind("rowsPerKey", rowsPerKey)
                .map(OutboxStore::toRecord)
                .all();
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
