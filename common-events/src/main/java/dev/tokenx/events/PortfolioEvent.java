package dev.tokenx.events;

import java.util.UUID;

/** Facts about a user's holdings, published by the order service, keyed by user id. */
public sealed interface PortfolioEvent extends DomainEvent permits PortfolioChanged {

    UUID userId();
}
