package dev.tokenx.orders.account.application;

import dev.tokenx.orders.account.domain.Trader;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The accounts as PostgreSQL holds them: the source of truth for KYC status and wallet. */
public interface TraderStore {

    /** Empty when the service has no account for the user. */
    Mono<Trader> find(UUID userId);
}
