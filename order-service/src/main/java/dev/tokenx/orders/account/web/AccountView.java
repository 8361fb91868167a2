package dev.tokenx.orders.account.web;

import dev.tokenx.orders.account.domain.AccountSummary;
import java.util.List;
import java.util.UUID;

/**
 * The investor's account as they see it. INR amounts are decimal strings with 2 decimals ({@code "1000.00"}); the
 * wallet address is {@code null} until one is linked.
 */
record AccountView(UUID userId, String kycStatus, String walletAddress, Cash cash, List<HoldingView> holdings) {

    record Cash(String available, String held) {}

    record HoldingView(String tokenSymbol, long quantity) {}

    static AccountView of(AccountSummary account) {
        return new AccountView(
                account.trader().userId(),
                account.trader().kycStatus().name(),
                account.trader().walletAddress().orElse(null),
                new Cash(account.cashAvailable().toString(), account.cashHeld().toString()),
                account.holdings().stream()
                        .map(holding -> new HoldingView(holding.tokenSymbol(), holding.quantity()))
                        .toList());
    }
}
