package dev.tokenx.events;

/** Facts about a listed token, published by the order service (owner of the catalog), keyed by symbol. */
public sealed interface TokenEvent extends DomainEvent permits PriceUpdated {

    String tokenSymbol();
}
