package dev.tokenx.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tokenx.events.PriceUpdated;
import dev.tokenx.events.Topics;
import dev.tokenx.events.samples.GoldenSamples;
import dev.tokenx.notifications.channel.domain.Channels;
import dev.tokenx.notifications.delivery.domain.UndeliverableEvent;
import dev.tokenx.notifications.support.DeadLetters;
import dev.tokenx.notifications.support.EventPublisher;
import dev.tokenx.notifications.support.Jwts;
import dev.tokenx.notifications.support.Messages;
import dev.tokenx.notifications.support.RealtimeServers;
import dev.tokenx.notifications.support.RealtimeSubscriber;
import dev.tokenx.notifications.support.ServiceTest;
import dev.tokenx.notifications.support.TestApp;
import dev.tokenx.notifications.support.Users;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Prices set in order-service ({@code PriceUpdated} on {@code orders.token-events}) reach the official Pusher client
 * subscribed to the public {@code prices} channel of the real realtime-server, as {@code price-update}. Each test
 * prices a token of its own, so that it reads only its own messages on the shared channel.
 */
class PricesChannelTest extends ServiceTest {

    private static final Duration DELIVERY = Duration.ofSeconds(20);
    private static final String PRICE_UPDATE = "price-update";

    private final EventPublisher events = new EventPublisher();
    private RealtimeSubscriber watcher;
    private DeadLetters deadLetters;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        register(registry, RealtimeServers.hostOf(RealtimeServers.shared()), TestApp.SECRET);
    }

    @BeforeEach
    void watchThePrices() {
        // A public channel needs no authorization; the client is the same one a signed-in user runs.
        watcher = RealtimeSubscriber.connect(RealtimeServers.shared(), authEndpoint(), Jwts.bearer(Users.BOB));
        watcher.subscribe(Channels.PRICES, PRICE_UPDATE);
        // After the context is up: the service creates the dead-letter topic when it starts.
        deadLetters = DeadLetters.of(Topics.TOKEN_EVENTS);
    }

    @AfterEach
    void close() {
        watcher.close();
        deadLetters.close();
        events.close();
    }

    @Test
    void broadcasts_a_new_price_with_its_move_to_everybody_watching_the_prices() {
        String symbol = aSymbol();
        Instant setAt = Instant.parse("2026-12-04T09:30:00.250Z");

        events.publish(new PriceUpdated(
                UUID.randomUUID(), symbol, new BigDecimal("2437.25"), new BigDecimal("2500.00"), setAt));

        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(pricesOf(symbol))
                        .singleElement()
                        .isEqualTo(Map.of(
                                "symbol", symbol,
                                "price", "2437.25",
                                "previousPrice", "2500.00",
                                "change", "-62.75",
                                "changePercent", "-2.51",
                                "occurredAt", "2026-12-04T09:30:00.250Z")));
    }

    @Test
    void reads_the_golden_sample() {
        events.publishRaw(
                Topics.TOKEN_EVENTS,
                "MUMSEA",
                "PriceUpdated",
                GoldenSamples.read("price-updated.v1").getBytes(StandardCharsets.UTF_8));

        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(pricesOf("MUMSEA"))
                        .singleElement()
                        .isEqualTo(Map.of(
                                "symbol", "MUMSEA",
                                "price", "2512.50",
                                "previousPrice", "2500.00",
                                "change", "12.50",
                                "changePercent", "0.50",
                                "occurredAt", "2026-11-26T05:01:00Z")));
    }

    @Test
    void broadcasts_a_redelivered_price_once_and_one_tokens_prices_in_the_order_they_were_set() {
        String symbol = aSymbol();
        PriceUpdated first = priceOf(symbol, "100.00", "101.00");
        PriceUpdated second = priceOf(symbol, "101.00", "99.50");

        events.publish(first);
        await().atMost(DELIVERY).until(() -> pricesOf(symbol).size() == 1);
        // A later poll: the redelivery is recognised by the delivery log, not within the batch.
        events.publish(first, second);

        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(pricesOf(symbol))
                        .extracting(body -> body.get("price"))
                        .containsExactly("101.00", "99.50"));
        assertThat(counter("notifications.duplicates", "event", PRICE_UPDATE)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void dead_letters_a_record_that_cannot_be_read_and_broadcasts_nothing_for_it() {
        String symbol = aSymbol();
        byte[] garbage = ("{\"tokenSymbol\": \"" + symbol + "\", \"price\": ").getBytes(StandardCharsets.UTF_8);

        events.publishRaw(Topics.TOKEN_EVENTS, symbol, "PriceUpdated", garbage);

        ConsumerRecord<String, byte[]> deadLetter = await().atMost(DELIVERY)
                .until(() -> deadLetters.withKey(symbol), found -> found.isPresent())
                .orElseThrow();
        assertThat(deadLetter.value()).isEqualTo(garbage);
        assertThat(DeadLetters.header(deadLetter, KafkaHeaders.DLT_EXCEPTION_FQCN))
                .isEqualTo(DeserializationException.class.getName());
        assertThat(DeadLetters.header(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC))
                .isEqualTo(Topics.TOKEN_EVENTS);
        assertThat(pricesOf(symbol)).isEmpty();
    }

    @Test
    void dead_letters_a_price_update_without_a_price_and_goes_on_with_the_next_one() {
        String symbol = aSymbol();
        PriceUpdated withoutPrice =
                new PriceUpdated(UUID.randomUUID(), symbol, null, new BigDecimal("100.00"), Instant.now());

        events.publish(withoutPrice, priceOf(symbol, "100.00", "105.00"));

        ConsumerRecord<String, byte[]> deadLetter = await().atMost(DELIVERY)
                .until(() -> deadLetters.withKey(symbol), found -> found.isPresent())
                .orElseThrow();
        assertThat(DeadLetters.header(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                .isEqualTo(UndeliverableEvent.class.getName());
        assertThat(DeadLetters.header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .contains("has no positive price");
        await().atMost(DELIVERY)
                .untilAsserted(() -> assertThat(pricesOf(symbol))
                        .extracting(body -> body.get("price"))
                        .containsExactly("105.00"));
    }

    private List<Map<String, Object>> pricesOf(String symbol) {
        return watcher.received(Channels.PRICES).stream()
                .filter(event -> PRICE_UPDATE.equals(event.getEventName()))
                .map(Messages::body)
                .filter(body -> symbol.equals(body.get("symbol")))
                .toList();
    }

    private static PriceUpdated priceOf(String symbol, String previousPrice, String price) {
        return new PriceUpdated(
                UUID.randomUUID(), symbol, new BigDecimal(price), new BigDecimal(previousPrice), Instant.now());
    }

    private static String aSymbol() {
        return "T"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }
}
