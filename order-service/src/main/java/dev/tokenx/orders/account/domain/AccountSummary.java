package dev.tokenx.orders.account.domain;

import dev.tokenx.orders.shared.money.Inr;
import java.util.List;
import java.util.Objects;

/**
 * What an investor owns on the platform: their cash as the ledger holds it and their settled tokens.
 *
 * @param trader who the investor is, with their KYC status and wallet
 * @param cashAvailable cash the investor may spend
 * @param cashHeld cash reserved for their open orders
 * @param holdings the tokens they own, by symbol
 */
public record AccountSummary(Trader trader, Inr cashAvailable, Inr cashHeld, List<Holding> holdings) {

    public AccountSummary {
        Objects.requireNonNull(trader, "trader");
        Objects.requireNonNull(cashAvailable, "cashAvailable");
        Objects.requireNonNull(cashHeld, "cashHeld");
        holdings = List.copyOf(holdings);
    }

    /** Whole tokens of one listing, as settled on chain. */
    public record Holding(String tokenSymbol, long quantity) {

        public Holding {
            Objects.requireNonNull(tokenSymbol, "tokenSymbol");
        }
    }
}
