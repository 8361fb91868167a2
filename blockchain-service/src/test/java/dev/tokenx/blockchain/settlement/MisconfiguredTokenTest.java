package dev.tokenx.blockchain.settlement;

import static dev.tokenx.blockchain.support.Orders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.blockchain.support.ServiceTest;
import dev.tokenx.blockchain.support.TestChain;
import dev.tokenx.blockchain.support.TestInfrastructure;
import dev.tokenx.contracts.AssetTokenContract;
import dev.tokenx.events.OrderPlaced;
import dev.tokenx.events.Topics;
import dev.tokenx.testkit.TopicReader;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A token whose contract does not appoint the service's signer as settlement agent: a misconfiguration, not a bad
 * order. Nothing is signed, no nonce is taken, no order is failed (its buyer would be refunded for the platform's
 * mistake); the orders wait on the dead-letter topic with a reason that names the fix.
 */
class MisconfiguredTokenTest extends ServiceTest {

    private static final String SYMBOL = "UNAPPT";
    private static String buyer;
    private static AssetTokenContract token;

    @DynamicPropertySource
    static void service(DynamicPropertyRegistry registry) {
        buyer = TestChain.newAddress();
        token = TestChain.deployTokenWithoutTheServicesSigner(SYMBOL, List.of(buyer));
        TestInfrastructure.register(registry, TestChain.anvil().rpcUrl(), Map.of(SYMBOL, token.address()));
        registry.add("tokenx.kafka.consumer.retry.initial-interval", () -> "20s");
    }

    @Test
    void dead_letters_the_orders_of_a_token_that_has_not_appointed_its_signer_without_failing_them() {
        OrderPlaced order = anOrder().of(SYMBOL).buying(1).to(buyer).build();
        long nonceBefore = TestChain.pendingNonce(TestChain.agent());

        publisher.publish(order);

        ConsumerRecord<String, byte[]> deadLetter = deadLetterOf(order.orderId().toString());
        assertThat(header(deadLetter, "kafka_dlt-exception-message"))
                .contains("is not a settlement agent of " + SYMBOL)
                .contains("addSettlementAgent");
        assertThat(settlementRows(order.orderId()))
                .as("neither failed nor signed")
                .isZero();
        assertThat(settlementEvents(order.orderId(), read -> true)).isEmpty();
        assertThat(TestChain.pendingNonce(TestChain.agent())).isEqualTo(nonceBefore);
        assertThat(token.balanceOf(buyer)).isEqualTo(BigInteger.ZERO);
    }

    private static ConsumerRecord<String, byte[]> deadLetterOf(String key) {
        try (TopicReader reader = new TopicReader(Topics.deadLetter(Topics.ORDER_EVENTS))) {
            return withKey(reader.readUntil(read -> !withKey(read, key).isEmpty(), Duration.ofSeconds(30)), key)
                    .getFirst();
        }
    }
}
