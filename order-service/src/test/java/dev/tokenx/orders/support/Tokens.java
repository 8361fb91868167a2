package dev.tokenx.orders.support;

import java.math.BigDecimal;
import org.springframework.r2dbc.core.DatabaseClient;

/** Catalog entries made for one test, beside the demo's BLRTECH and MUMSEA. */
public final class Tokens {

    private final DatabaseClient db;

    Tokens(DatabaseClient db) {
        this.db = db;
    }

    public void list(String symbol, String price) {
        db.sql("INSERT INTO tokens (symbol, name, price_inr) VALUES (:symbol, :name, :price)")
                .bind("symbol", symbol)
                .bind("name", symbol + " test asset")
                .bind("price", new BigDecimal(price))
                .then()
                .block();
    }

    public String priceOf(String symbol) {
        return db.sql("SELECT price_inr FROM tokens WHERE symbol = :symbol")
                .bind("symbol", symbol)
                .map(row -> row.get("price_inr", BigDecimal.class).toPlainString())
                .one()
                .block();
    }

    /** Sets a price as another instance of the service would: this instance's copy of the catalog knows nothing. */
    public void reprice(String symbol, String price) {
        db.sql("UPDATE tokens SET price_inr = :price, updated_at = now() WHERE symbol = :symbol")
                .bind("symbol", symbol)
                .bind("price", new BigDecimal(price))
                .then()
                .block();
    }
}
