package dev.tokenx.blockchain.settlement.persistence;

import dev.tokenx.blockchain.settlement.application.NonceStore;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class R2dbcNonceStore implements NonceStore {

    private static final String CATCH_UP = """
            INSERT INTO sender_nonces (sender, next_nonce) VALUES (:sender, :chainNext)
            ON CONFLICT (sender) DO UPDATE
               SET next_nonce = GREATEST(sender_nonces.next_nonce, EXCLUDED.next_nonce), updated_at = now()
            """;

    /** The row lock this takes is held until the caller's transaction ends: allocations queue up, in nonce order. */
    private static final String ALLOCATE = """
            UPDATE sender_nonces SET next_nonce = next_nonce + 1, updated_at = now()
             WHERE sender = :sender
            RETURNING next_nonce - 1 AS nonce
            """;

    private final DatabaseClient db;

    R2dbcNonceStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> catchUp(String sender, long chainNext) {
        return db.sql(CATCH_UP)
                .bind("sender", sender)
                .bind("chainNext", chainNext)
                .then();
    }

    @Override
    public Mono<Long> allocate(String sender) {
        return db.sql(ALLOCATE)
                .bind("sender", sender)
                .map(row -> row.get("nonce", Long.class))
                .one()
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("No nonce is tracked for " + sender)));
    }
}
