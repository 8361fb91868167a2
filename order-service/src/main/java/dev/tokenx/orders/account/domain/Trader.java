package dev.tokenx.orders.account.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What order placement needs to know about an account: whether it may trade, and where its tokens go.
 *
 * @param walletAddress the EVM address tokens are delivered to ({@code 0x} and 40 hex digits, as the accounts table
 *     checks it); absent until the investor links a wallet
 */
public record Trader(UUID userId, KycStatus kycStatus, Optional<String> walletAddress) {

    private static final Pattern EVM_ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    public Trader {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(kycStatus, "kycStatus");
        Objects.requireNonNull(walletAddress, "walletAddress");
        walletAddress.ifPresent(Trader::requireEvmAddress);
    }

    private static void requireEvmAddress(String address) {
        if (!EVM_ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("A wallet is 0x and 40 hex digits, not " + address);
        }
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
