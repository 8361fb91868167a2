package dev.tokenx.blockchain.settlement;

import static dev.tokenx.blockchain.support.Orders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tokenx.blockchain.settlement.application.NonceStore;
import dev.tokenx.blockchain.settlement.application.PlacedOrder;
import dev.tokenx.blockchain.settlement.application.SettleOrders;
import dev.tokenx.blockchain.settlement.domain.Settlement;
import dev.tokenx.blockchain.settlement.domain.SettlementStatus;
import dev.tokenx.blockchain.support.Jwts;
import dev.tokenx.blockchain.support.Orders;
import dev.tokenx.blockchain.support.ServiceTest;
import dev.tokenx.blockchain.support.TestChain;
import dev.tokenx.blockchain.support.TestInfrastructure;
import dev.tokenx.contracts.AssetTokenContract;
import dev.tokenx.events.DomainEvent;
import dev.tokenx.events.EventHeaders;
import dev.tokenx.events.EventJson;
import dev.tokenx.events.OrderPlaced;
import dev.tokenx.events.OrderStatusChanged;
import dev.tokenx.events.SettlementConfirmed;
import dev.tokenx.events.SettlementConfirming;
import dev.tokenx.events.SettlementFailed;
import dev.tokenx.events.SettlementSubmitted;
import dev.tokenx.events.Topics;
import dev.tokenx.events.samples.GoldenSamples;
import dev.tokenx.testkit.TopicReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.web3j.protocol.core.methods.response.Transaction;

/**
 * A placed order becomes a forced transfer from the treasury to the buyer on a real anvil chain, announced on Kafka
 * from submission to confirmation; never twice, never with a second nonce, and not at all when the contract refuses.
 */
class OrderSettlementTest extends ServiceTest {

    /** The golden sample's token: this class's contract is configured under it. */
    private static final String SYMBOL = "BLRTECH";

    private static final int BUYERS = 9;
    private static final List<String> buyers = new ArrayList<>();
    private static AssetTokenContract token;

    @Autowired
    private SettleOrders settleOrders;

    @Autowired
    private NonceStore nonces;

    @DynamicPropertySource
    static void service(DynamicPropertyRegistry registry) {
        IntStream.range(0, BUYERS).forEach(i -> buyers.add(TestChain.newAddress()));
        List<String> verified = new ArrayList<>(buyers);
        verified.add(Orders.golden().walletAddress());
        token = TestChain.deployToken(SYMBOL, verified);
        TestInfrastructure.register(registry, TestChain.anvil().rpcUrl(), Map.of(SYMBOL, token.address()));
        // Nothing in this class fails transiently: a retried record would reach the dead-letter topic 20 s late.
        registry.add("tokenx.kafka.consumer.retry.initial-interval", () -> "20s");
        registry.add("blockchain.confirmations.rebroadcast-after", () -> "3s");
    }

    @Test
    void settles_the_golden_sample_order_on_chain_and_announces_submitted_confirming_and_confirmed_in_order() {
        OrderPlaced golden = Orders.golden();
        BigInteger buyerBefore = token.balanceOf(golden.walletAddress());
        BigInteger treasuryBefore = token.balanceOf(TestChain.treasury());

        publisher.publishRaw(
                golden.orderId().toString(),
                "OrderPlaced",
                GoldenSamples.read("order-placed.v1").getBytes(StandardCharsets.UTF_8));

        List<DomainEvent> events = settlementEvents(golden.orderId(), OrderSettlementTest::confirmed);
        assertThat(events)
                .extracting(event -> event.getClass().getSimpleName())
                .containsExactly(
                        "SettlementSubmitted", "SettlementConfirming", "SettlementConfirming", "SettlementConfirmed");
        SettlementSubmitted submitted = (SettlementSubmitted) events.get(0);
        SettlementConfirming first = (SettlementConfirming) events.get(1);
        SettlementConfirming second = (SettlementConfirming) events.get(2);
        SettlementConfirmed confirmed = (SettlementConfirmed) events.get(3);
        assertThat(List.of(first.txHash(), second.txHash(), confirmed.txHash())).containsOnly(submitted.txHash());
        assertThat(List.of(first.confirmations(), second.confirmations())).containsExactly(1, 2);
        assertThat(List.of(first.requiredConfirmations(), second.requiredConfirmations()))
                .containsOnly(3);
        assertThat(confirmed.confirmations()).isGreaterThanOrEqualTo(3);
        assertThat(confirmed.blockNumber()).isEqualTo(first.blockNumber());

        Transaction sent = TestChain.transaction(submitted.txHash()).orElseThrow();
        assertThat(sent.getFrom()).isEqualToIgnoringCase(TestChain.agent());
        assertThat(sent.getTo()).isEqualToIgnoringCase(token.address());
        assertThat(sent.getNonce().longValueExact()).isEqualTo(submitted.nonce());
        assertThat(sent.getBlockNumber().longValueExact()).isEqualTo(confirmed.blockNumber());
        assertThat(token.balanceOf(golden.walletAddress())).isEqualTo(buyerBefore.add(BigInteger.TEN));
        assertThat(token.balanceOf(TestChain.treasury())).isEqualTo(treasuryBefore.subtract(BigInteger.TEN));
        assertThat(settlementRow(golden.orderId())).containsEntry("status", "CONFIRMED");
    }

    @Test
    void transfers_once_when_the_same_order_is_delivered_again_and_again() {
        String buyer = buyers.get(0);
        OrderPlaced order = anOrder().of(SYMBOL).buying(3).to(buyer).build();

        publisher.publish(order);
        publisher.publish(order);
        settlementEvents(order.orderId(), OrderSettlementTest::confirmed);
        publisher.publish(order);
        OrderPlaced behindIt = anOrder().of(SYMBOL).buying(1).to(buyer).build();
        publisher.publishUnderKey(order.orderId().toString(), behindIt);
        settlementEvents(behindIt.orderId(), OrderSettlementTest::confirmed);

        List<DomainEvent> events = settlementEvents(order.orderId(), OrderSettlementTest::confirmed);
        assertThat(events).filteredOn(SettlementSubmitted.class::isInstance).hasSize(1);
        assertThat(events).filteredOn(SettlementConfirmed.class::isInstance).hasSize(1);
        assertThat(token.balanceOf(buyer)).isEqualTo(BigInteger.valueOf(3 + 1));
        assertThat(settlementRows(order.orderId())).isOne();
    }

    @Test
    void fails_a_transfer_to_a_frozen_recipient_with_the_contracts_reason_and_moves_nothing() {
        String buyer = buyers.get(1);
        token.setAddressFrozen(buyer, true);
        OrderPlaced order = anOrder().of(SYMBOL).buying(5).to(buyer).build();

        publisher.publish(order);

        List<DomainEvent> events = settlementEvents(order.orderId(), read -> !read.isEmpty());
        assertThat(events).singleElement().isInstanceOfSatisfying(SettlementFailed.class, failed -> {
            assertThat(failed.reason()).isEqualTo("Recipient address is frozen");
            assertThat(failed.txHash()).isNull();
        });
        assertThat(token.balanceOf(buyer)).isZero();
        assertThat(settlementRow(order.orderId()))
                .containsEntry("status", "FAILED")
                .containsEntry("nonce", null)
                .containsEntry("failure_reason", "Recipient address is frozen");
        assertThat(nextNonce())
                .as("no nonce was taken, so none is missing on chain")
                .isEqualTo(TestChain.pendingNonce(TestChain.agent()));
    }

    @Test
    void counts_on_from_transactions_sent_elsewhere_from_its_account_but_never_back_below_its_own() {
        String sender = TestChain.newAddress();

        nonces.catchUp(sender, 5).block();
        nonces.catchUp(sender, 9).block();
        nonces.catchUp(sender, 3).block();

        assertThat(nonces.allocate(sender).block()).isEqualTo(9);
        assertThat(nonces.allocate(sender).block()).isEqualTo(10);
    }

    @Test
    void sends_the_stored_transaction_again_after_a_crash_between_signing_and_broadcasting() {
        String buyer = buyers.get(2);
        OrderPlaced order = anOrder().of(SYMBOL).buying(4).to(buyer).build();
        Settlement stored = prepare(order);
        assertThat(stored.status()).isEqualTo(SettlementStatus.SIGNED);
        String txHash = stored.signed().orElseThrow().txHash();
        long nonce = stored.signed().orElseThrow().nonce();
        assertThat(TestChain.transaction(txHash)).as("never broadcast").isEmpty();

        publisher.publish(order);

        List<DomainEvent> events = settlementEvents(order.orderId(), OrderSettlementTest::confirmed);
        SettlementSubmitted submitted = (SettlementSubmitted) events.getFirst();
        assertThat(submitted.txHash()).isEqualTo(txHash);
        assertThat(submitted.nonce()).isEqualTo(nonce);
        assertThat(TestChain.transaction(txHash).orElseThrow().getNonce().longValueExact())
                .isEqualTo(nonce);
        assertThat(token.balanceOf(buyer)).isEqualTo(BigInteger.valueOf(4));
        assertThat(nextNonce()).as("no second nonce was taken").isEqualTo(nonce + 1);
    }

    @Test
    void fails_with_the_contracts_reason_when_the_mined_transfer_reverted() {
        String buyer = buyers.get(7);
        OrderPlaced order = anOrder().of(SYMBOL).buying(2).to(buyer).build();
        Settlement stored = prepare(order);
        token.setAddressFrozen(buyer, true);

        publisher.publish(order);

        List<DomainEvent> events =
                settlementEvents(order.orderId(), read -> read.stream().anyMatch(SettlementFailed.class::isInstance));
        String txHash = stored.signed().orElseThrow().txHash();
        assertThat(events).hasSize(2);
        assertThat(events.getFirst())
                .isInstanceOfSatisfying(
                        SettlementSubmitted.class,
                        submitted -> assertThat(submitted.txHash()).isEqualTo(txHash));
        assertThat(events.getLast()).isInstanceOfSatisfying(SettlementFailed.class, failed -> {
            assertThat(failed.txHash()).isEqualTo(txHash);
            assertThat(failed.reason()).isEqualTo("Recipient address is frozen");
        });
        assertThat(TestChain.transaction(txHash)).as("mined, and reverted").isPresent();
        assertThat(token.balanceOf(buyer)).isZero();
        assertThat(settlementRow(order.orderId())).containsEntry("status", "FAILED");
    }

    @Test
    void sends_a_stored_transaction_that_was_never_sent_once_it_has_gone_unseen_for_a_while() {
        String buyer = buyers.get(5);
        OrderPlaced order = anOrder().of(SYMBOL).buying(6).to(buyer).build();

        Settlement stored = prepare(order);

        List<DomainEvent> events = settlementEvents(order.orderId(), OrderSettlementTest::confirmed);
        assertThat(((SettlementSubmitted) events.getFirst()).txHash())
                .isEqualTo(stored.signed().orElseThrow().txHash());
        assertThat(token.balanceOf(buyer)).isEqualTo(BigInteger.valueOf(6));
    }

    @Test
    void settles_many_orders_in_flight_at_once_in_transactions_under_consecutive_nonces() {
        String buyer = buyers.get(3);
        List<OrderPlaced> orders = IntStream.range(0, 30)
                .mapToObj(i -> anOrder().of(SYMBOL).buying(2).to(buyer).build())
                .toList();

        orders.forEach(publisher::publish);

        Set<UUID> ids = orders.stream().map(OrderPlaced::orderId).collect(Collectors.toSet());
        List<DomainEvent> events = settlementEventsOf(
                ids,
                read -> read.stream()
                                .filter(SettlementConfirmed.class::isInstance)
                                .count()
                        == ids.size());
        List<SettlementSubmitted> submissions = events.stream()
                .filter(SettlementSubmitted.class::isInstance)
                .map(SettlementSubmitted.class::cast)
                .toList();
        assertThat(submissions).as("one submission per order").hasSize(30);
        Map<String, Set<Long>> noncesByTransaction = submissions.stream()
                .collect(Collectors.groupingBy(
                        SettlementSubmitted::txHash,
                        Collectors.mapping(SettlementSubmitted::nonce, Collectors.toSet())));
        assertThat(noncesByTransaction.values())
                .allSatisfy(nonces -> assertThat(nonces).hasSize(1));
        List<Long> nonces = noncesByTransaction.values().stream()
                .map(set -> set.iterator().next())
                .sorted()
                .toList();
        assertThat(nonces).doesNotHaveDuplicates();
        assertThat(nonces.getLast() - nonces.getFirst())
                .as("no gap between the transactions' nonces")
                .isEqualTo(nonces.size() - 1);
        noncesByTransaction.forEach((txHash, nonce) -> assertThat(
                        TestChain.transaction(txHash).orElseThrow().getNonce().longValueExact())
                .isEqualTo(nonce.iterator().next()));
        assertThat(token.balanceOf(buyer)).isEqualTo(BigInteger.valueOf(60));
    }

    @Test
    void carries_the_placing_requests_id_into_every_settlement_event() {
        OrderPlaced order = anOrder().of(SYMBOL).buying(1).to(buyers.get(4)).build();

        publisher.publishWithRequestId(order, "req-settle-42");

        settlementEvents(order.orderId(), OrderSettlementTest::confirmed);
        try (TopicReader reader = new TopicReader(Topics.SETTLEMENT_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> records =
                    withKey(reader.readToEnd(PATIENCE), order.orderId().toString());
            assertThat(records).hasSize(4);
            assertThat(records)
                    .extracting(record -> header(record, EventHeaders.REQUEST_ID))
                    .containsOnly("req-settle-42");
        }
    }

    @Test
    void dead_letters_records_it_cannot_read_at_once_with_the_original_bytes() {
        byte[] brokenJson = "{\"orderId\": not json".getBytes(StandardCharsets.UTF_8);
        byte[] validJson = GoldenSamples.read("order-placed.v1").getBytes(StandardCharsets.UTF_8);

        publisher.publishRaw("poison-json", "OrderPlaced", brokenJson);
        publisher.publishRaw("poison-untyped", null, validJson);

        for (String key : List.of("poison-json", "poison-untyped")) {
            ConsumerRecord<String, byte[]> deadLetter = deadLettersWithin(key, Duration.ofSeconds(15));
            assertThat(header(deadLetter, "kafka_dlt-exception-fqcn")).contains("DeserializationException");
            assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(Topics.ORDER_EVENTS);
        }
        assertThat(deadLettersWithin("poison-json", PATIENCE).value()).isEqualTo(brokenJson);
    }

    @Test
    void dead_letters_an_order_it_must_not_settle_at_once_with_the_reason() {
        OrderPlaced unknownToken =
                anOrder().of("NOPE").buying(1).to(buyers.get(8)).build();
        OrderPlaced sell = anOrder().of(SYMBOL).selling().to(buyers.get(8)).build();

        publisher.publish(unknownToken);
        publisher.publish(sell);

        assertThat(header(
                        deadLettersWithin(unknownToken.orderId().toString(), Duration.ofSeconds(15)),
                        "kafka_dlt-exception-message"))
                .contains("NOPE, which has no contract configured");
        assertThat(header(
                        deadLettersWithin(sell.orderId().toString(), Duration.ofSeconds(15)),
                        "kafka_dlt-exception-message"))
                .contains("only buy orders are settled");
        assertThat(settlementRows(unknownToken.orderId()) + settlementRows(sell.orderId()))
                .isZero();
    }

    @Test
    void ignores_the_other_events_of_the_order_topic_and_skips_types_it_does_not_know() {
        OrderPlaced order = anOrder().of(SYMBOL).buying(1).to(buyers.get(4)).build();
        OrderStatusChanged sample =
                EventJson.read(OrderStatusChanged.class, GoldenSamples.read("order-status-changed.v1"));
        OrderStatusChanged statusChange = new OrderStatusChanged(
                UUID.randomUUID(),
                order.orderId(),
                sample.userId(),
                SYMBOL,
                "ACCEPTED",
                null,
                null,
                null,
                null,
                sample.occurredAt());

        publisher.publish(statusChange);
        // A type a newer order-service might publish, before this service knows it: skipped, not dead-lettered.
        publisher.publishRaw(
                order.orderId().toString(),
                "OrderCancelled",
                ("{\"orderId\":\"" + order.orderId() + "\"}").getBytes(StandardCharsets.UTF_8));
        publisher.publish(order);

        settlementEvents(order.orderId(), OrderSettlementTest::confirmed);
        assertThat(withKey(allDeadLetters(), order.orderId().toString())).isEmpty();
        assertThat(settlementRows(order.orderId())).isOne();
    }

    @Test
    void shows_the_chain_id_and_each_tokens_contract_to_a_signed_in_user() {
        web.get()
                .uri("/api/chain")
                .header("Authorization", "Bearer " + Jwts.bearerFor(UUID.randomUUID()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.chainId")
                .isEqualTo(31337)
                .jsonPath("$.tokens[0].symbol")
                .isEqualTo(SYMBOL)
                .jsonPath("$.tokens[0].contractAddress")
                .isEqualTo(token.address())
                .jsonPath("$.tokens.length()")
                .isEqualTo(1);
    }

    @Test
    void refuses_the_chain_api_without_a_token_with_a_problem() {
        web.get()
                .uri("/api/chain")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("UNAUTHORIZED");
    }

    @Test
    void answers_an_unknown_route_a_wrong_method_and_an_unavailable_answer_type_with_problems() {
        String bearer = "Bearer " + Jwts.bearerFor(UUID.randomUUID());

        problem(web.get().uri("/api/nope").header("Authorization", bearer).exchange(), 404, "NOT_FOUND");
        problem(web.post().uri("/api/chain").header("Authorization", bearer).exchange(), 405, "METHOD_NOT_ALLOWED")
                .expectHeader()
                .valueEquals("Allow", "GET");
        problem(
                web.get()
                        .uri("/api/chain")
                        .header("Authorization", bearer)
                        .header("Accept", "application/xml")
                        .exchange(),
                406,
                "NOT_ACCEPTABLE");
    }

    private static WebTestClient.ResponseSpec problem(WebTestClient.ResponseSpec answer, int status, String code) {
        answer.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo(code)
                .jsonPath("$.trace")
                .doesNotExist();
        return answer;
    }

    private ConsumerRecord<String, byte[]> deadLettersWithin(String key, Duration patience) {
        try (TopicReader reader = new TopicReader(Topics.deadLetter(Topics.ORDER_EVENTS))) {
            return withKey(reader.readUntil(read -> !withKey(read, key).isEmpty(), patience), key)
                    .getFirst();
        }
    }

    private static List<DomainEvent> settlementEventsOf(Set<UUID> orderIds, Predicate<List<DomainEvent>> done) {
        try (TopicReader reader = new TopicReader(Topics.SETTLEMENT_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> records =
                    reader.readUntil(read -> done.test(mine(read, orderIds)), PATIENCE);
            return mine(records, orderIds);
        }
    }

    private static List<DomainEvent> mine(List<ConsumerRecord<String, byte[]>> records, Set<UUID> orderIds) {
        Set<String> keys = orderIds.stream().map(UUID::toString).collect(Collectors.toSet());
        return records.stream()
                .filter(record -> keys.contains(record.key()))
                .map(record -> EventJson.read(header(record, EventHeaders.EVENT_TYPE), record.value()))
                .toList();
    }

    /** Stores the order's settlement as a delivery would, without broadcasting it (a crash right after). */
    private Settlement prepare(OrderPlaced order) {
        return settleOrders
                .prepare(List.of(new PlacedOrder(order, Optional.empty())))
                .block()
                .getFirst();
    }

    /** The agent's next nonce, as the service counts it. */
    private long nextNonce() {
        await().atMost(PATIENCE).until(() -> agentsNextNonce().isPresent());
        return agentsNextNonce().orElseThrow();
    }

    private Optional<Long> agentsNextNonce() {
        return db.sql("SELECT next_nonce FROM sender_nonces WHERE lower(sender) = lower(:agent)")
                .bind("agent", TestChain.agent())
                .map(row -> row.get("next_nonce", Long.class))
                .one()
                .blockOptional();
    }

    private static boolean confirmed(List<DomainEvent> events) {
        return events.stream().anyMatch(SettlementConfirmed.class::isInstance);
    }
}
