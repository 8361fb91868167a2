package dev.tokenx.orders.ledger.domain;

import dev.tokenx.orders.shared.money.Inr;
import java.util.Objects;

/**
 * One line of a journal entry: the signed change it makes to an account's balance (negative takes money out).
 */
public record Posting(LedgerAccountCode account, Inr amount) {

    public Posting {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(amount, "amount");
        if (amount.isZero()) {
            throw new IllegalArgumentException("A posting moves money: zero posted to " + account);
        }
    }
}
