package dev.tokenx.orders.admission.persistence;

import dev.tokenx.orders.admission.application.SettlementBacklog;
import java.time.Instant;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Reads the partial index of accepted orders (V6): a few index pages, whatever the size of the orders table. */
@Repository
class R2dbcSettlementBacklog implements SettlementBacklog {

    private static final String OLDEST_ACCEPTED =
            "SELECT min(created_at) AS oldest FROM orders WHERE status = 'ACCEPTED'";

    private final DatabaseClient db;

    R2dbcSettlementBacklog(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Instant> oldestAwaitingSettlement() {
        return db.sql(OLDEST_ACCEPTED)
                .map(row -> Optional.ofNullable(row.get("oldest", Instant.class)))
                .one()
                .flatMap(Mono::justOrEmpty);
    }
}
