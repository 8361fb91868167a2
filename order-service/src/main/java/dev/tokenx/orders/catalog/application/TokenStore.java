package dev.tokenx.orders.catalog.application;

import dev.tokenx.orders.catalog.domain.Token;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface TokenStore {

    Flux<Token> findAll();

    Mono<Token> find(String symbol);
}
