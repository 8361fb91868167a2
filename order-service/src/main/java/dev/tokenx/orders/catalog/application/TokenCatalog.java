package dev.tokenx.orders.catalog.application;

import dev.tokenx.orders.catalog.domain.Listing;
import dev.tokenx.orders.catalog.domain.Token;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The listed tokens and their prices. The whole catalog is small and read on every order, so it is kept in memory
 * for a short while; a symbol missing from that copy is looked up once more in the database, so a token listed a
 * moment ago is not refused.
 */
@Service
public class TokenCatalog {

    private final TokenStore store;
    private final Mono<Map<String, Token>> listedTokens;

    public TokenCatalog(TokenStore store, CatalogProperties properties) {
        this.store = store;
        Duration ttl = properties.priceCacheTtl();
        this.listedTokens =
                store.findAll().collectMap(Token::symbol).cache(tokens -> ttl, failure -> Duration.ZERO, () -> ttl);
    }

    public Mono<Listing> listing(String symbol) {
        return listedTokens
                .mapNotNull(tokens -> tokens.get(symbol))
                .switchIfEmpty(Mono.defer(() -> store.find(symbol)))
                .<Listing>map(Listing.Listed::new)
                .defaultIfEmpty(new Listing.Unlisted(symbol));
    }
}
