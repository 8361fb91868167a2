package dev.tokenx.orders.account.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What order placement needs to know about an account: whether it may trade, and where its tokens go.
 *
 * @param walletAddress the EVM address tokens are delivered to; absent until the investor links a wallet
 */
public record Trader(UUID userId, KycStatus kycStatus, Optional<String> walletAddress) {

    public Trader {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(kycStatus, "kycStatus");
        Objects.requireNonNull(walletAddress, "walletAddress");
    }

    /** A user the service has no account for, e.g. a token minted for a user not yet onboarded. */
    public static Trader unregistered(UUID userId) {
        return new Trader(userId, KycStatus.NOT_SUBMITTED, Optional.empty());
    }

    /** Trading needs a verified identity and a wallet to settle to. */
    public boolean mayTrade() {
        return kycStatus == KycStatus.VERIFIED && walletAddress.isPresent();
    }
}
