package dev.tokenx.events;

import java.util.UUID;

/** Facts about an investor's account, published by the order service, keyed by user id. */
public sealed interface AccountEvent extends DomainEvent permits KycStatusChanged {

    UUID userId();
}
