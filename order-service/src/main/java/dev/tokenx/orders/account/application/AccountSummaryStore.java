package dev.tokenx.orders.account.application;

import dev.tokenx.orders.account.domain.AccountSummary;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Reads an investor's account, ledger balances and holdings together, as PostgreSQL holds them now. */
public interface AccountSummaryStore {

    /** Empty when the service has no account for the user. */
    Mono<AccountSummary> find(UUID userId);
}
