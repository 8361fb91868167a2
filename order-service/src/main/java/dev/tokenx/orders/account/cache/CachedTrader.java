package dev.tokenx.orders.account.cache;

/** The JSON kept in Redis under {@code orders:kyc:<userId>}. */
record CachedTrader(String kycStatus, String walletAddress) {}
