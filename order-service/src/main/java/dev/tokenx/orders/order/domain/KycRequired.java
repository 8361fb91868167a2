package dev.tokenx.orders.order.domain;

import dev.tokenx.orders.account.domain.KycStatus;
import dev.tokenx.orders.account.domain.Trader;

public final class KycRequired extends OrderRejected {

    public KycRequired(Trader trader) {
        super(messageFor(trader));
    }

    private static String messageFor(Trader trader) {
        if (trader.kycStatus() == KycStatus.VERIFIED) {
            return "Link a wallet to your verified account before trading.";
        }
        return "Complete KYC verification before trading (current status: " + trader.kycStatus() + ").";
    }
}
