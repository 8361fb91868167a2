package dev.tokenx.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.PrivateChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.util.HttpChannelAuthorizer;
import dev.tokenx.contracts.AssetTokenContract;
import dev.tokenx.contracts.AssetTokenGasProvider;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One order through the whole flow: placed through the gateway, settled on chain by the blockchain service, completed
 * by the order service, and watched live by the official Pusher client through the gateway's WebSocket, authorized by
 * the gateway's channel authorization endpoint. The story needs only the platform's {@link PlatformEndpoints}; each
 * subclass says which platform: the local one ({@link TradeFlowIT}) or docker-compose.yml's ({@link
 * ComposeTradeFlowIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TradeFlowStory {

    private static final String ALICE_ID = "a11ce000-0000-4000-8000-000000000001";
    private static final String ALICE_CHANNEL = "private-user-" + ALICE_ID;
    private static final String APP_KEY = "tokenx-local-key";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final BigInteger GAS_PRICE = BigInteger.valueOf(2_000_000_000L);

    /** alice's wallet in the demo data: anvil's dev account 1. */
    private static final String ALICE_WALLET = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    /**
     * The compliance agent both platforms appoint: anvil's dev account 3, whose key is published with anvil (a local
     * chain's key, never a real one). The settlement signer is another account.
     */
    private static final String COMPLIANCE_AGENT_KEY =
            "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6";

    private PlatformEndpoints platform;
    private GatewayClient gateway;
    private Web3j web3j;
    private long chainId;
    private String alice;
    private String bob;

    /** One login each for the class: the login route allows only a few per minute from one address. */
    @BeforeAll
    void connect(PlatformEndpoints endpoints) throws IOException {
        platform = endpoints;
        gateway = new GatewayClient(platform.gatewayUrl());
        web3j = Web3j.build(new HttpService(platform.chainRpcUrl()));
        chainId = web3j.ethChainId().send().getChainId().longValueExact();
        alice = gateway.tokenFor("alice", "alice-demo");
        bob = gateway.tokenFor("bob", "bob-demo");
    }

    @AfterAll
    void disconnect() {
        if (web3j != null) {
            web3j.shutdown();
        }
    }

    /** Orders placed earlier (by other journeys on the shared platform) must have settled, or balances would move. */
    @BeforeEach
    void aliceHasNoOrderInFlight() {
        waiting().until(() -> aliceAccount().get("cash").get("held").asString().equals("0.00"));
    }

    @Test
    void alice_watches_her_order_settle_on_chain_and_her_tokens_arrive() {
        JsonNode before = aliceAccount();
        BigInteger onChainBefore = token("BLRTECH").balanceOf(ALICE_WALLET);
        List<JsonNode> updates = new CopyOnWriteArrayList<>();
        Pusher pusher = watchAliceChannel(updates);
        try {
            GatewayClient.Answer placed = buy("BLRTECH", 3);
            assertThat(placed.status()).isEqualTo(202);
            String orderId = placed.body().get("orderId").asString();
            BigDecimal charged = new BigDecimal(placed.body().get("total").asString());
            assertThat(charged)
                    .isEqualByComparingTo(new BigDecimal(
                                    placed.body().get("price").asString())
                            .multiply(BigDecimal.valueOf(3))
                            .add(new BigDecimal(placed.body().get("platformFee").asString()))
                            .add(new BigDecimal(placed.body().get("gasFee").asString())));

            assertThat(settled(orderId).get("status").asString()).isEqualTo("COMPLETED");
            waiting()
                    .untilAsserted(() -> assertThat(forOrder(updates, orderId))
                            .as("what alice's channel showed of order %s", orderId)
                            .extracting(TradeFlowStory::status)
                            .contains("COMPLETED"));

            List<JsonNode> seen = forOrder(updates, orderId);
            assertThat(seen)
                    .extracting(TradeFlowStory::status)
                    .startsWith("ACCEPTED")
                    .endsWith("COMPLETED");
            assertThat(seen.stream().map(TradeFlowStory::status).distinct().toList())
                    .containsSubsequence("ACCEPTED", "SETTLING", "CONFIRMING", "COMPLETED");
            String txHash = seen.stream()
                    .filter(u -> status(u).equals("SETTLING"))
                    .findFirst()
                    .orElseThrow()
                    .get("txHash")
                    .asString();
            assertThat(txHash).matches("0x[0-9a-fA-F]{64}");
            JsonNode completed = seen.getLast();
            assertThat(completed.get("message").asString()).isEqualTo("Trade completed");
            assertThat(completed.get("txHash").asString()).isEqualTo(txHash);

            GatewayClient.Answer order = gateway.get("/api/trading/orders/" + orderId, alice);
            assertThat(order.body().get("status").asString()).isEqualTo("COMPLETED");
            assertThat(order.body().get("txHash").asString()).isEqualTo(txHash);

            JsonNode after = aliceAccount();
            assertThat(holding(after, "BLRTECH")).isEqualTo(holding(before, "BLRTECH") + 3);
            assertThat(cash(after, "available"))
                    .isEqualByComparingTo(cash(before, "available").subtract(charged));
            assertThat(cash(after, "held")).isEqualByComparingTo(cash(before, "held"));
            assertThat(token("BLRTECH").balanceOf(ALICE_WALLET)).isEqualTo(onChainBefore.add(BigInteger.valueOf(3)));
        } finally {
            pusher.disconnect();
        }
    }

    @Test
    void a_transfer_the_contract_refuses_fails_the_order_and_releases_the_hold() {
        AssetTokenContract mumsea = token("MUMSEA");
        JsonNode before = aliceAccount();
        BigInteger onChainBefore = mumsea.balanceOf(ALICE_WALLET);
        mumsea.as(complianceAgent()).setAddressFrozen(ALICE_WALLET, true);
        try {
            GatewayClient.Answer placed = buy("MUMSEA", 1);
            assertThat(placed.status()).isEqualTo(202);
            String orderId = placed.body().get("orderId").asString();

            JsonNode failed = settled(orderId);

            assertThat(failed.get("status").asString()).isEqualTo("FAILED");
            assertThat(failed.get("failureReason").asString()).isNotBlank();
            JsonNode after = aliceAccount();
            assertThat(cash(after, "available")).isEqualByComparingTo(cash(before, "available"));
            assertThat(cash(after, "held")).isEqualByComparingTo(cash(before, "held"));
            assertThat(holding(after, "MUMSEA")).isEqualTo(holding(before, "MUMSEA"));
            assertThat(mumsea.balanceOf(ALICE_WALLET)).isEqualTo(onChainBefore);
        } finally {
            mumsea.as(complianceAgent()).setAddressFrozen(ALICE_WALLET, false);
        }
    }

    @Test
    void bob_cannot_authorize_a_subscription_to_alices_channel() {
        GatewayClient.Answer answer =
                gateway.postForm("/api/realtime/auth", bob, "socket_id=123.456&channel_name=" + ALICE_CHANNEL);

        assertThat(answer.status()).isEqualTo(403);
    }

    /** Subscribed, through the gateway, before anything is placed: no status can be missed. */
    private Pusher watchAliceChannel(List<JsonNode> updates) {
        HttpChannelAuthorizer authorizer = new HttpChannelAuthorizer(platform.gatewayUrl() + "/api/realtime/auth");
        authorizer.setHeaders(Map.of("Authorization", "Bearer " + alice));
        PusherOptions options = new PusherOptions()
                .setHost(platform.gateway().getHost())
                .setWsPort(platform.gateway().getPort())
                .setUseTLS(false)
                .setChannelAuthorizer(authorizer);
        Pusher pusher = new Pusher(APP_KEY, options);
        AtomicBoolean subscribed = new AtomicBoolean();
        pusher.connect();
        pusher.subscribePrivate(
                ALICE_CHANNEL,
                new PrivateChannelEventListener() {
                    @Override
                    public void onEvent(PusherEvent event) {
                        updates.add(JSON.readTree(event.getData()));
                    }

                    @Override
                    public void onSubscriptionSucceeded(String channelName) {
                        subscribed.set(true);
                    }

                    @Override
                    public void onAuthenticationFailure(String message, Exception e) {
                        updates.add(JSON.createObjectNode().put("status", "AUTHORIZATION_FAILED: " + message));
                    }
                },
                "order-status");
        waiting().untilTrue(subscribed);
        return pusher;
    }

    /** The order once it has ended, completed or failed, as the API shows it. */
    private JsonNode settled(String orderId) {
        return waiting()
                .until(
                        () -> gateway.get("/api/trading/orders/" + orderId, alice)
                                .body(),
                        order -> List.of("FAILED", "COMPLETED")
                                .contains(order.get("status").asString()));
    }

    private static List<JsonNode> forOrder(List<JsonNode> updates, String orderId) {
        return updates.stream()
                .filter(update -> update.path("orderId").asString("").equals(orderId))
                .toList();
    }

    private static String status(JsonNode update) {
        return update.path("status").asString("");
    }

    private GatewayClient.Answer buy(String symbol, int quantity) {
        return gateway.placeOrder(
                alice,
                UUID.randomUUID().toString(),
                "{\"tokenSymbol\":\"" + symbol + "\",\"side\":\"BUY\",\"quantity\":" + quantity + "}");
    }

    private JsonNode aliceAccount() {
        GatewayClient.Answer answer = gateway.get("/api/accounts/me", alice);
        assertThat(answer.status()).as("GET /api/accounts/me: %s", answer).isEqualTo(200);
        return answer.body();
    }

    private static BigDecimal cash(JsonNode account, String field) {
        return new BigDecimal(account.get("cash").get(field).asString());
    }

    private static long holding(JsonNode account, String symbol) {
        for (JsonNode holding : account.get("holdings")) {
            if (holding.get("tokenSymbol").asString().equals(symbol)) {
                return holding.get("quantity").asLong();
            }
        }
        return 0;
    }

    /** The token's contract, as the platform publishes it on {@code GET /api/chain}. */
    private AssetTokenContract token(String symbol) {
        String address = contractOf(symbol);
        return AssetTokenContract.load(
                address,
                web3j,
                new ReadonlyTransactionManager(web3j, ALICE_WALLET),
                new AssetTokenGasProvider(GAS_PRICE));
    }

    /** The platform's compliance agent, which freezes addresses; the settlement signer is a different account. */
    private RawTransactionManager complianceAgent() {
        return new RawTransactionManager(
                web3j,
                Credentials.create(COMPLIANCE_AGENT_KEY),
                chainId,
                new PollingTransactionReceiptProcessor(web3j, 200, 150));
    }

    private String contractOf(String symbol) {
        GatewayClient.Answer chain = gateway.get("/api/chain", alice);
        assertThat(chain.status()).as("GET /api/chain: %s", chain).isEqualTo(200);
        for (JsonNode token : chain.body().get("tokens")) {
            if (token.get("symbol").asString().equals(symbol)) {
                return token.get("contractAddress").asString();
            }
        }
        throw new AssertionError("The platform lists no contract for " + symbol + ": " + chain.body());
    }

    private static ConditionFactory waiting() {
        // Generous: right after the platform starts, consumer groups may still be joining on a loaded machine.
        return Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1));
    }
}
