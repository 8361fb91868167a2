package dev.tokenx.orders.order.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.orders.account.application.TraderCache;
import dev.tokenx.orders.account.application.Traders;
import dev.tokenx.orders.account.domain.KycStatus;
import dev.tokenx.orders.account.domain.Trader;
import dev.tokenx.orders.catalog.application.CatalogProperties;
import dev.tokenx.orders.catalog.application.TokenCatalog;
import dev.tokenx.orders.catalog.application.TokenStore;
import dev.tokenx.orders.catalog.domain.Token;
import dev.tokenx.orders.order.domain.Order;
import dev.tokenx.orders.order.domain.OrderTicket;
import dev.tokenx.orders.order.domain.Side;
import dev.tokenx.orders.shared.money.Inr;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * A placement decided on an outdated copy of the catalog is decided again at the database's price; a price that moves
 * on every attempt ends the placement after {@link PlaceOrder#MAX_ATTEMPTS}, with nothing written. The database is a
 * fake here: what it answers to each write is the point (its real answer is {@code PlaceOrderAtCurrentPriceTest}'s).
 */
class PlaceOrderRepricingTest {

    private static final UUID TRADER = UUID.fromString("a11ce000-0000-4000-8000-000000000001");
    private static final String SYMBOL = "MUMSEA";

    /** The token's price in the "database", which the placement statement checks the order's against. */
    private final AtomicReference<Inr> databasePrice = new AtomicReference<>(Inr.of("2500.00"));

    private final AtomicInteger catalogLoads = new AtomicInteger();
    private final List<Inr> attemptedPrices = new ArrayList<>();

    private Runnable onEachWrite = () -> {};

    private final TokenStore tokens = new TokenStore() {
        @Override
        public Flux<Token> findAll() {
            return Flux.defer(() -> {
                catalogLoads.incrementAndGet();
                return Flux.just(new Token(SYMBOL, "Mumbai Sea View Towers", databasePrice.get()));
            });
        }

        @Override
        public Mono<Token> find(String symbol) {
            return Mono.empty();
        }

        @Override
        public Mono<Token> findForUpdate(String symbol) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> updatePrice(String symbol, Inr price, Instant at) {
            return Mono.empty();
        }
    };

    private final OrderRepository orders = new OrderRepository() {
        @Override
        public Mono<NewPlacement.Outcome> insert(NewPlacement placement) {
            return Mono.fromSupplier(() -> {
                Inr price = placement.order().price();
                attemptedPrices.add(price);
                onEachWrite.run();
                return price.equals(databasePrice.get())
                        ? NewPlacement.Outcome.WRITTEN
                        : NewPlacement.Outcome.PRICE_CHANGED;
            });
        }

        @Override
        public Mono<KeyedOrder> findByIdempotencyKey(UUID userId, IdempotencyKey key) {
            return Mono.empty();
        }

        @Override
        public Mono<Order> findOwnedBy(UUID userId, UUID orderId) {
            return Mono.empty();
        }

        @Override
        public Flux<Order> findRecentOwnedBy(UUID userId, int limit) {
            return Flux.empty();
        }

        @Override
        public Mono<Order> findForUpdate(UUID orderId) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> updateProgress(Order order) {
            return Mono.empty();
        }
    };

    private final TraderCache noCache = new TraderCache() {
        @Override
        public Mono<Trader> find(UUID userId, Function<UUID, Mono<Trader>> load) {
            return load.apply(userId);
        }

        @Override
        public Mono<Void> forget(UUID userId) {
            return Mono.empty();
        }
    };

    private PlaceOrder placeOrder() {
        Traders traders = new Traders(
                noCache,
                userId -> Mono.just(new Trader(
                        userId, KycStatus.VERIFIED, Optional.of("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"))));
        TokenCatalog catalog = new TokenCatalog(tokens, new CatalogProperties(Duration.ofHours(1)));
        return new PlaceOrder(
                traders,
                catalog,
                orders,
                new FeeProperties(new BigDecimal("0.01"), new BigDecimal("5.00")),
                Clock.systemUTC());
    }

    private static PlaceOrderCommand aCommand() {
        return new PlaceOrderCommand(
                TRADER,
                new IdempotencyKey("key-1"),
                new OrderTicket(SYMBOL, Side.BUY, 2, Optional.empty()),
                Optional.empty());
    }

    @Test
    void decides_an_order_priced_from_an_outdated_copy_again_at_the_new_price() {
        PlaceOrder placeOrder = placeOrder();
        StepVerifier.create(placeOrder.place(aCommand())).expectNextCount(1).verifyComplete();
        databasePrice.set(Inr.of("2600.00"));

        StepVerifier.create(placeOrder.place(aCommand()))
                .assertNext(placement -> assertThat(placement.order().price()).isEqualTo(Inr.of("2600.00")))
                .verifyComplete();

        assertThat(attemptedPrices).containsExactly(Inr.of("2500.00"), Inr.of("2500.00"), Inr.of("2600.00"));
        assertThat(catalogLoads).hasValue(2);
    }

    @Test
    void gives_up_after_the_last_attempt_when_the_price_moves_every_time() {
        // Set again, each time, just before the order's statement reads it.
        onEachWrite = () -> databasePrice.set(databasePrice.get().plus(Inr.of("1.00")));

        StepVerifier.create(placeOrder().place(aCommand()))
                .expectErrorSatisfies(error ->
                        assertThat(error).isInstanceOf(PriceKeptChanging.class).hasMessageContaining(SYMBOL))
                .verify();

        assertThat(attemptedPrices).hasSize(PlaceOrder.MAX_ATTEMPTS);
    }
}
