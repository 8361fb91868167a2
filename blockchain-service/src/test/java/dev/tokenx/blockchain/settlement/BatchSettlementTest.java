package dev.tokenx.blockchain.settlement;

import static dev.tokenx.blockchain.support.Orders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tokenx.blockchain.settlement.application.PlacedOrder;
import dev.tokenx.blockchain.settlement.application.SettleOrders;
import dev.tokenx.blockchain.settlement.domain.Settlement;
import dev.tokenx.blockchain.support.RpcProxy;
import dev.tokenx.blockchain.support.ServiceTest;
import dev.tokenx.blockchain.support.TestChain;
import dev.tokenx.blockchain.support.TestInfrastructure;
import dev.tokenx.contracts.AssetTokenContract;
import dev.tokenx.events.DomainEvent;
import dev.tokenx.events.EventHeaders;
import dev.tokenx.events.EventJson;
import dev.tokenx.events.OrderPlaced;
import dev.tokenx.events.SettlementConfirmed;
import dev.tokenx.events.SettlementEvent;
import dev.tokenx.events.SettlementFailed;
import dev.tokenx.events.SettlementSubmitted;
import dev.tokenx.events.Topics;
import dev.tokenx.testkit.TopicReader;
import java.io.IOException;
import java.math.BigInteger;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Several orders per chain transaction on a real anvil chain: a redelivered batch never transfers twice, a refused
 * transfer fails only its own order, and the tracker follows every pending transaction with calls per block, not per
 * transaction (counted by a proxy in front of the node).
 */
class BatchSettlementTest extends ServiceTest {

    private static final String SYMBOL = "BATCH1";
    private static final String LISTENER = "settle-placed-orders";

    private static AssetTokenContract token;
    private static RpcProxy node;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Autowired
    private SettleOrders settleOrders;

    @DynamicPropertySource
    static void service(DynamicPropertyRegistry registry) {
        token = TestChain.deployToken(SYMBOL, List.of());
        node = RpcProxy.to(TestChain.anvil().rpcUrl());
        TestInfrastructure.register(registry, node.url(), Map.of(SYMBOL, token.address()));
        registry.add("tokenx.kafka.consumer.retry.initial-interval", () -> "20s");
        // Nothing here is lost by the node: a re-send would only blur the count of broadcasts.
        registry.add("blockchain.confirmations.rebroadcast-after", () -> "60s");
    }

    @AfterAll
    static void stopTheProxy() {
        node.close();
    }

    @Test
    void settles_a_batch_in_fewer_transactions_than_orders_and_never_transfers_twice_when_it_is_delivered_again() {
        List<OrderPlaced> orders = ordersToNewBuyers(9);

        deliverAtOnce(orders);
        List<DomainEvent> events = eventsOf(orders, BatchSettlementTest::allConfirmed);
        deliverAtOnce(orders);
        OrderPlaced behindThem = ordersToNewBuyers(1).getFirst();
        deliverAtOnce(List.of(behindThem));
        eventsOf(List.of(behindThem), BatchSettlementTest::allConfirmed);

        Set<String> transactions = events.stream()
                .filter(SettlementSubmitted.class::isInstance)
                .map(event -> ((SettlementSubmitted) event).txHash())
                .collect(Collectors.toSet());
        assertThat(transactions).hasSizeLessThan(orders.size());
        assertThat(eventsOf(orders, BatchSettlementTest::allConfirmed))
                .filteredOn(SettlementSubmitted.class::isInstance)
                .hasSize(orders.size());
        for (OrderPlaced order : orders) {
            assertThat(TestChain.transfersTo(token.address(), order.walletAddress()))
                    .as("Transfer events for order %s", order.orderId())
                    .isOne();
            assertThat(token.balanceOf(order.walletAddress())).isEqualTo(BigInteger.valueOf(order.quantity()));
            assertThat(settlementRows(order.orderId())).isOne();
        }
    }

    @Test
    void fails_only_the_order_the_contract_refuses_and_settles_the_rest_of_its_batch() {
        List<OrderPlaced> orders = ordersToNewBuyers(5);
        OrderPlaced refused = orders.get(2);
        token.setAddressFrozen(refused.walletAddress(), true);

        deliverAtOnce(orders);

        List<DomainEvent> events = eventsOf(orders, read -> finished(read, orders));
        assertThat(eventsFor(events, refused))
                .singleElement()
                .isInstanceOfSatisfying(SettlementFailed.class, failed -> {
                    assertThat(failed.reason()).isEqualTo("Recipient address is frozen");
                    assertThat(failed.txHash()).isNull();
                });
        orders.stream().filter(order -> order != refused).forEach(order -> {
            assertThat(eventsFor(events, order)).last().isInstanceOf(SettlementConfirmed.class);
            assertThat(TestChain.transfersTo(token.address(), order.walletAddress()))
                    .isOne();
        });
        assertThat(TestChain.transfersTo(token.address(), refused.walletAddress()))
                .isZero();
    }

    @Test
    void splits_a_mined_batch_that_reverted_so_that_the_refused_order_fails_alone_and_the_others_settle() {
        List<OrderPlaced> orders = ordersToNewBuyers(4);
        OrderPlaced refused = orders.get(1);
        List<Settlement> stored = settleOrders
                .prepare(orders.stream()
                        .map(order -> new PlacedOrder(order, Optional.empty()))
                        .toList())
                .block();
        String batch = stored.getFirst().signed().orElseThrow().txHash();
        assertThat(stored)
                .as("signed into one transaction")
                .allSatisfy(settlement ->
                        assertThat(settlement.signed().orElseThrow().txHash()).isEqualTo(batch));
        token.setAddressFrozen(refused.walletAddress(), true);

        deliverAtOnce(orders);

        List<DomainEvent> events = eventsOf(orders, read -> finished(read, orders));
        assertThat(eventsFor(events, refused)).last().isInstanceOfSatisfying(SettlementFailed.class, failed -> {
            assertThat(failed.reason()).isEqualTo("Recipient address is frozen");
            assertThat(failed.txHash()).isEqualTo(batch);
        });
        assertThat(TestChain.transaction(batch)).as("mined, and reverted").isPresent();
        orders.stream().filter(order -> order != refused).forEach(order -> {
            SettlementConfirmed confirmed =
                    (SettlementConfirmed) eventsFor(events, order).getLast();
            assertThat(confirmed.txHash()).as("settled in a new transaction").isNotEqualTo(batch);
            assertThat(TestChain.transfersTo(token.address(), order.walletAddress()))
                    .isOne();
        });
        assertThat(TestChain.transfersTo(token.address(), refused.walletAddress()))
                .isZero();
    }

    @Test
    void follows_every_pending_transaction_with_calls_per_block_not_per_transaction() throws IOException {
        List<OrderPlaced> orders = ordersToNewBuyers(12);
        long headBefore = head();
        node.resetCalls();

        deliverAtOnce(orders);
        List<DomainEvent> events = eventsOf(orders, BatchSettlementTest::allConfirmed);

        long blocks = head() - headBefore + 1;
        Set<String> transactions = events.stream()
                .filter(SettlementSubmitted.class::isInstance)
                .map(event -> ((SettlementSubmitted) event).txHash())
                .collect(Collectors.toSet());
        assertThat(transactions).isNotEmpty();
        assertThat(node.calls("eth_getBlockReceipts"))
                .as("one receipts call per new block")
                .isLessThanOrEqualTo((int) blocks);
        assertThat(node.calls("eth_getTransactionReceipt"))
                .as("no receipt asked for per transaction")
                .isZero();
        assertThat(node.calls("eth_getBlockByNumber")).isZero();
        assertThat(node.calls("eth_sendRawTransaction"))
                .as("one broadcast per transaction, not per order")
                .isEqualTo(transactions.size());
        assertThat(node.calls("eth_call")).as("one simulation per order").isEqualTo(orders.size());
    }

    private List<OrderPlaced> ordersToNewBuyers(int count) {
        List<String> buyers =
                IntStream.range(0, count).mapToObj(i -> TestChain.newAddress()).toList();
        buyers.forEach(buyer -> token.setVerified(buyer, true));
        return IntStream.range(0, count)
                .mapToObj(i ->
                        anOrder().of(SYMBOL).buying(i + 1).to(buyers.get(i)).build())
                .toList();
    }

    /** Publishes the orders while the consumers are paused, so that each consumer's next poll takes its share at once. */
    private void deliverAtOnce(List<OrderPlaced> orders) {
        MessageListenerContainer container = listeners.getListenerContainer(LISTENER);
        container.pause();
        await().atMost(PATIENCE).until(container::isContainerPaused);
        orders.forEach(publisher::publish);
        container.resume();
    }

    private static long head() throws IOException {
        return TestChain.web3j().ethBlockNumber().send().getBlockNumber().longValueExact();
    }

    private static List<DomainEvent> eventsOf(List<OrderPlaced> orders, Predicate<Map<UUID, List<DomainEvent>>> done) {
        Set<String> keys =
                orders.stream().map(order -> order.orderId().toString()).collect(Collectors.toSet());
        try (TopicReader reader = new TopicReader(Topics.SETTLEMENT_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> records =
                    reader.readUntil(read -> done.test(byOrder(read, keys, orders)), PATIENCE);
            return records.stream()
                    .filter(record -> keys.contains(record.key()))
                    .map(record -> EventJson.read(header(record, EventHeaders.EVENT_TYPE), record.value()))
                    .toList();
        }
    }

    private static Map<UUID, List<DomainEvent>> byOrder(
            List<ConsumerRecord<String, byte[]>> records, Set<String> keys, List<OrderPlaced> orders) {
        Map<UUID, List<DomainEvent>> events =
                orders.stream().collect(Collectors.toMap(OrderPlaced::orderId, order -> new ArrayList<>()));
        records.stream()
                .filter(record -> keys.contains(record.key()))
                .forEach(record -> events.get(UUID.fromString(record.key()))
                        .add(EventJson.read(header(record, EventHeaders.EVENT_TYPE), record.value())));
        return events;
    }

    private static List<DomainEvent> eventsFor(List<DomainEvent> events, OrderPlaced order) {
        return events.stream()
                .filter(event -> order.orderId().equals(orderIdOf(event)))
                .toList();
    }

    private static UUID orderIdOf(DomainEvent event) {
        return ((SettlementEvent) event).orderId();
    }

    private static boolean allConfirmed(Map<UUID, List<DomainEvent>> events) {
        return events.values().stream().allMatch(list -> list.stream().anyMatch(SettlementConfirmed.class::isInstance));
    }

    private static boolean finished(Map<UUID, List<DomainEvent>> events, List<OrderPlaced> orders) {
        return orders.stream()
                .allMatch(order -> events.get(order.orderId()).stream()
                        .anyMatch(event -> event instanceof SettlementConfirmed || event instanceof SettlementFailed));
    }
}
