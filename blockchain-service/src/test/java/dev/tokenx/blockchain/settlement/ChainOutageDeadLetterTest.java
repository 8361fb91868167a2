package dev.tokenx.blockchain.settlement;

import static dev.tokenx.blockchain.support.Orders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.blockchain.support.RpcProxy;
import dev.tokenx.blockchain.support.ServiceTest;
import dev.tokenx.blockchain.support.TestChain;
import dev.tokenx.blockchain.support.TestInfrastructure;
import dev.tokenx.contracts.AssetTokenContract;
import dev.tokenx.events.OrderPlaced;
import dev.tokenx.events.SettlementConfirmed;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A node that stays down past every retry: the order goes to the dead-letter topic, for an operator to replay. */
class ChainOutageDeadLetterTest extends ServiceTest {

    private static final String SYMBOL = "OUTAGE2";

    private static String buyer;
    private static AssetTokenContract token;
    private static RpcProxy node;

    @DynamicPropertySource
    static void service(DynamicPropertyRegistry registry) {
        buyer = TestChain.newAddress();
        token = TestChain.deployToken(SYMBOL, List.of(buyer));
        node = RpcProxy.to(TestChain.anvil().rpcUrl());
        TestInfrastructure.register(registry, node.url(), Map.of(SYMBOL, token.address()));
        registry.add("tokenx.kafka.consumer.retry.initial-interval", () -> "100ms");
        registry.add("tokenx.kafka.consumer.retry.max-retries", () -> "2");
    }

    @AfterAll
    static void stopTheProxy() {
        node.close();
    }

    @Test
    void dead_letters_an_order_after_its_retries_when_the_node_stays_down() {
        OrderPlaced lost = anOrder().of(SYMBOL).buying(2).to(buyer).build();

        node.goDown();
        ConsumerRecord<String, byte[]> deadLetter;
        try {
            publisher.publish(lost);
            deadLetter = deadLetters(lost.orderId().toString(), 1).getFirst();
        } finally {
            node.comeBack();
        }

        assertThat(header(deadLetter, "kafka_dlt-exception-cause-fqcn")).endsWith("ChainUnavailable");
        assertThat(header(deadLetter, "kafka_dlt-exception-message")).contains("503");
        OrderPlaced next = anOrder().of(SYMBOL).buying(1).to(buyer).build();
        publisher.publish(next);
        settlementEvents(next.orderId(), read -> read.stream().anyMatch(SettlementConfirmed.class::isInstance));
        assertThat(settlementRows(lost.orderId()))
                .as("the dead-lettered order was left alone")
                .isZero();
        assertThat(token.balanceOf(buyer)).isEqualTo(BigInteger.ONE);
    }
}
