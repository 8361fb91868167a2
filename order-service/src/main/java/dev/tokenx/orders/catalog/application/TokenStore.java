package dev.tokenx.orders.catalog.application;

import dev.tokenx.orders.catalog.domain.Token;
import dev.tokenx.orders.shared.money.Inr;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface TokenStore {

    Flux<Token> findAll();

    Mono<Token> find(String symbol);

    /** Locks the token until the transaction ends; empty when no token has the symbol. */
    Mono<Token> findForUpdate(String symbol);

    Mono<Void> updatePrice(String symbol, Inr price, Instant at);
}
