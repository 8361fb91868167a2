package dev.tokenx.orders.portfolio.persistence;

import dev.tokenx.orders.portfolio.application.Holdings;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** One upsert: two orders of the same investor and token settling at once both count. */
@Repository
class R2dbcHoldings implements Holdings {

    private static final String CREDIT = """
            INSERT INTO holdings (user_id, token_symbol, quantity, updated_at)
            VALUES (:userId, :tokenSymbol, :quantity, :at)
            ON CONFLICT (user_id, token_symbol)
            DO UPDATE SET quantity = holdings.quantity + EXCLUDED.quantity, updated_at = EXCLUDED.updated_at
            RETURNING quantity
            """;

    private final DatabaseClient db;

    R2dbcHoldings(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Long> credit(UUID userId, String tokenSymbol, long quantity, Instant at) {
        if (quantity < 1) {
            return Mono.error(new IllegalArgumentException("Credit whole tokens: " + quantity));
        }
        return db.sql(CREDIT)
                .bind("userId", userId)
                .bind("tokenSymbol", tokenSymbol)
                .bind("quantity", quantity)
                .bind("at", at)
                .map(row -> row.get("quantity", Long.class))
                .one();
    }
}
