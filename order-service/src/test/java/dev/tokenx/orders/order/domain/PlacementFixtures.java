package dev.tokenx.orders.order.domain;

import dev.tokenx.orders.account.domain.KycStatus;
import dev.tokenx.orders.account.domain.Trader;
import dev.tokenx.orders.catalog.domain.Listing;
import dev.tokenx.orders.catalog.domain.Token;
import dev.tokenx.orders.shared.money.Inr;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The world an order is placed in: who trades, what is listed, what it costs. */
final class PlacementFixtures {

    static final UUID TRADER_ID = UUID.fromString("a11ce000-0000-4000-8000-000000000001");
    static final String WALLET = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    static final Instant PLACED_AT = Instant.parse("2026-11-26T10:15:30.123456Z");
    static final FeePolicy ONE_PERCENT_PLUS_FIVE_RUPEES_GAS = new FeePolicy(new BigDecimal("0.01"), Inr.of("5.00"));

    private PlacementFixtures() {}

    static Trader aVerifiedTrader() {
        return new Trader(TRADER_ID, KycStatus.VERIFIED, Optional.of(WALLET));
    }

    static Trader aTraderWhoseKycIs(KycStatus status) {
        return new Trader(TRADER_ID, status, Optional.of(WALLET));
    }

    static Trader aVerifiedTraderWithoutWallet() {
        return new Trader(TRADER_ID, KycStatus.VERIFIED, Optional.empty());
    }

    static Listing listed(String symbol, String price) {
        return new Listing.Listed(new Token(symbol, symbol + " tower", Inr.of(price)));
    }

    static Listing unlisted(String symbol) {
        return new Listing.Unlisted(symbol);
    }

    static Order place(Trader trader, OrderTicket ticket, Listing listing) {
        return Order.place(UUID.randomUUID(), trader, ticket, listing, ONE_PERCENT_PLUS_FIVE_RUPEES_GAS, PLACED_AT);
    }

    static Order anAcceptedOrder() {
        return place(aVerifiedTrader(), TicketBuilder.aTicket().buy(2).build(), listed("BLRTECH", "1000.00"));
    }
}
