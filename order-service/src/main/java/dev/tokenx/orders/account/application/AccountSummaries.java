package dev.tokenx.orders.account.application;

import dev.tokenx.orders.account.domain.AccountSummary;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The investor's own view of their account. Read from the database, never from the trader cache: a balance shown
 * just after a trade must be the one the ledger holds.
 */
@Service
public class AccountSummaries {

    private final AccountSummaryStore store;

    public AccountSummaries(AccountSummaryStore store) {
        this.store = store;
    }

    /** Fails with {@link AccountNotFound} when the user has no account. */
    public Mono<AccountSummary> of(UUID userId) {
        return store.find(userId).switchIfEmpty(Mono.error(() -> new AccountNotFound(userId)));
    }
}
