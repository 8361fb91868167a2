package dev.tokenx.outbox;

import dev.tokenx.events.DomainEvent;
import dev.tokenx.events.EventCatalog;
import dev.tokenx.events.EventJson;
import java.util.List;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Writes events to the outbox with the change that caused them, so they are published if and only if that change
 * commits. Topic, key and wire name come from {@link EventCatalog}; the payload is serialized here, once, and
 * published byte for byte by the {@link OutboxRelay}.
 *
 * <p>Two ways in: {@link #append} inserts an event inside the caller's reactive transaction; {@link #rows} gives the
 * rows to a statement of the caller's that writes its change and its events at once (one round trip, no transaction
 * needed). Either way the relay of this instance is woken once the rows are committed, so it does not poll an idle
 * outbox.
 */
public class OutboxWriter {

    private final DatabaseClient db;
    private final OutboxAppends appends;

    OutboxWriter(DatabaseClient db, OutboxAppends appends) {
        this.db = db;
        this.appends = appends;
    }

    /** Inserts the event inside the caller's transaction (or on its own when there is none). */
    public Mono<Void> append(DomainEvent event, Optional<String> requestId) {
        return rows(List.of(event), requestId)
                .bindTo(db.sql(OutboxRows.insert()))
                .then()
                .then(rowsWritten());
    }

    /** The events as outbox rows of one request, serialized now, for the caller's statement to insert. */
    public OutboxRows rows(List<? extends DomainEvent> events, Optional<String> requestId) {
        return new OutboxRows(events.stream().map(OutboxWriter::row).toList(), requestId);
    }

    /**
     * Tells this instance's relay that the caller has written outbox rows: when the caller's transaction commits, or
     * at once when there is none (a statement on its own has committed by the time it completes).
     */
    public Mono<Void> rowsWritten() {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .flatMap(this::wakeTheRelayOnCommit)
                // Spring's "no transaction" signal carries no stack trace: cheap enough for every placement.
                .onErrorResume(NoTransactionException.class, none -> Mono.fromRunnable(appends::appended));
    }

    private Mono<Void> wakeTheRelayOnCommit(TransactionSynchronizationManager transaction) {
        if (!transaction.isSynchronizationActive()) {
            // A transaction that takes no callbacks: the relay may look before the commit and find the rows at its
            // next poll instead.
            appends.appended();
            return Mono.empty();
        }
        transaction.registerSynchronization(new TransactionSynchronization() {
            @Override
            public Mono<Void> afterCommit() {
                return Mono.fromRunnable(appends::appended);
            }
        });
        return Mono.empty();
    }

    private static OutboxRows.Row row(DomainEvent event) {
        return new OutboxRows.Row(
                event.eventId(),
                EventCatalog.typeOf(event),
                EventCatalog.topicOf(event),
                EventCatalog.keyOf(event),
                EventJson.writeAsString(event));
    }
}
