package dev.tokenx.blockchain.settlement;

import static dev.tokenx.blockchain.support.Orders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tokenx.blockchain.support.RpcProxy;
import dev.tokenx.blockchain.support.ServiceTest;
import dev.tokenx.blockchain.support.TestChain;
import dev.tokenx.blockchain.support.TestInfrastructure;
import dev.tokenx.contracts.AssetTokenContract;
import dev.tokenx.events.DomainEvent;
import dev.tokenx.events.OrderPlaced;
import dev.tokenx.events.SettlementConfirmed;
import dev.tokenx.events.SettlementSubmitted;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The node answers 503 for a while: the order is retried with backoff, nothing is stored or sent meanwhile, and it
 * settles once, normally, when the node is back.
 */
class ChainOutageTest extends ServiceTest {

    private static final String SYMBOL = "OUTAGE";

    private static String buyer;
    private static AssetTokenContract token;
    private static RpcProxy node;

    @DynamicPropertySource
    static void service(DynamicPropertyRegistry registry) {
        buyer = TestChain.newAddress();
        token = TestChain.deployToken(SYMBOL, List.of(buyer));
        node = RpcProxy.to(TestChain.anvil().rpcUrl());
        TestInfrastructure.register(registry, node.url(), Map.of(SYMBOL, token.address()));
        // Quick retries, and enough of them (about 40 s) to outlast the outage.
        registry.add("tokenx.kafka.consumer.retry.initial-interval", () -> "200ms");
        registry.add("tokenx.kafka.consumer.retry.max-interval", () -> "1s");
        registry.add("tokenx.kafka.consumer.retry.max-retries", () -> "40");
    }

    @AfterAll
    static void stopTheProxy() {
        node.close();
    }

    @Test
    void retries_while_the_node_answers_503_and_settles_once_when_it_is_back() {
        OrderPlaced order = anOrder().of(SYMBOL).buying(7).to(buyer).build();

        node.goDown();
        try {
            publisher.publish(order);

            await().atMost(PATIENCE).until(() -> settlementCalls() >= 3);
            assertThat(settlementRows(order.orderId()))
                    .as("nothing stored while the node is down")
                    .isZero();
        } finally {
            node.comeBack();
        }

        List<DomainEvent> events = settlementEvents(
                order.orderId(), read -> read.stream().anyMatch(SettlementConfirmed.class::isInstance));
        assertThat(events).filteredOn(SettlementSubmitted.class::isInstance).hasSize(1);
        assertThat(token.balanceOf(buyer)).isEqualTo(BigInteger.valueOf(7));
        assertThat(withKey(allDeadLetters(), order.orderId().toString())).isEmpty();
    }

    /** The calls the settlement of an order starts with (the tracker only asks for the head). */
    private static int settlementCalls() {
        return node.refused("eth_getTransactionCount") + node.refused("eth_call");
    }
}
