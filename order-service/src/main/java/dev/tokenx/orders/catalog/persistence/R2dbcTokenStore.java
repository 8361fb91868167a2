package dev.tokenx.orders.catalog.persistence;

import dev.tokenx.orders.catalog.application.TokenStore;
import dev.tokenx.orders.catalog.domain.Token;
import dev.tokenx.orders.shared.money.Inr;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcTokenStore implements TokenStore {

    private static final String FIND_ALL = "SELECT symbol, name, price_inr FROM tokens";
    private static final String FIND = "SELECT symbol, name, price_inr FROM tokens WHERE symbol = :symbol";
    private static final String FIND_FOR_UPDATE = FIND + " FOR UPDATE";
    private static final String UPDATE_PRICE =
            "UPDATE tokens SET price_inr = :price, updated_at = :at WHERE symbol = :symbol";

    private final DatabaseClient db;

    R2dbcTokenStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Flux<Token> findAll() {
        return db.sql(FIND_ALL).map(R2dbcTokenStore::toToken).all();
    }

    @Override
    public Mono<Token> find(String symbol) {
        return db.sql(FIND).bind("symbol", symbol).map(R2dbcTokenStore::toToken).one();
    }

    @Override
    public Mono<Token> findForUpdate(String symbol) {
        return db.sql(FIND_FOR_UPDATE)
                .bind("symbol", symbol)
                .map(R2dbcTokenStore::toToken)
                .one();
    }

    @Override
    public Mono<Void> updatePrice(String symbol, Inr price, Instant at) {
        return db.sql(UPDATE_PRICE)
                .bind("symbol", symbol)
                .bind("price", price.amount())
                .bind("at", at)
                .fetch()
                .rowsUpdated()
                .filter(rows -> rows == 1)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("Token " + symbol + " is gone")))
                .then();
    }

    private static Token toToken(Readable row) {
        return new Token(
                row.get("symbol", String.class),
                row.get("name", String.class),
                Inr.of(row.get("price_inr", BigDecimal.class)));
    }
}
