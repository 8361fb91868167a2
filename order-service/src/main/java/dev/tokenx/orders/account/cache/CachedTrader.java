package dev.tokenx.orders.account.cache;

/**
 * The JSON kept in Redis under {@code orders:kyc:<userId>}. It names its user, so that an entry copied under another
 * user's key (a verified investor's status or wallet lent to someone else) is refused rather than believed.
 */
record CachedTrader(String userId, String kycStatus, String walletAddress) {}
