package dev.tokenx.orders.catalog.application;

import dev.tokenx.orders.catalog.domain.Listing;
import dev.tokenx.orders.catalog.domain.Token;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The listed tokens and their prices. The whole catalog is small and read on every order, so it is kept in memory
 * for a short while; a symbol missing from that copy is looked up once more in the database, so a token listed a
 * moment ago is not refused.
 *
 * <p>A copy may hold a price that has changed since (set through another instance, or a moment ago): a placement
 * checks its price against the database in its own statement and, when it finds it outdated, drops the copy
 * ({@link #forget()}) and is decided again.
 */
@Service
public class TokenCatalog {

    private final TokenStore store;
    private final Duration ttl;
    private final AtomicReference<Mono<Map<String, Token>>> listedTokens;

    public TokenCatalog(TokenStore store, CatalogProperties properties) {
        this.store = store;
        this.ttl = properties.priceCacheTtl();
        this.listedTokens = new AtomicReference<>(load());
    }

    public Mono<Listing> listing(String symbol) {
        return listedTokens
                .get()
                .mapNotNull(tokens -> tokens.get(symbol))
                .switchIfEmpty(Mono.defer(() -> store.find(symbol)))
                .<Listing>map(Listing.Listed::new)
                .defaultIfEmpty(new Listing.Unlisted(symbol));
    }

    /** Drops this instance's copy: the next listing reads the database (once, for every caller then waiting). */
    public void forget() {
        listedTokens.set(load());
    }

    private Mono<Map<String, Token>> load() {
        return store.findAll().collectMap(Token::symbol).cache(tokens -> ttl, failure -> Duration.ZERO, () -> ttl);
    }
}
