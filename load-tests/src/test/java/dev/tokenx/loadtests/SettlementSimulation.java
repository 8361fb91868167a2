package dev.tokenx.loadtests;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole trade flow under load, on the local platform: orders placed through the gateway at a fixed rate by many
 * investors, each one settled on chain by blockchain-service and completed by order-service. It reports settled orders
 * per second and the accept-to-completed latency: from the order's 202 to its {@code COMPLETED} status on Kafka, the
 * moment the notification service can tell the investor. Run it with {@code scripts/bench-settlement.sh}.
 *
 * <p>Before the first order it seeds the benchmark investors ({@link BenchInvestors}), whitelists their wallets on the
 * token as the compliance agent ({@link BenchWhitelist}) and starts watching the order events ({@link
 * CompletionWatcher}). A warm-up phase at the same rate ({@code bench.warmup} seconds) comes first; its orders settle
 * like the others but are not measured.
 */
public class SettlementSimulation extends Simulation {

    private static final String MEASURED = "place order";
    private static final String WARM_UP = "place order (warm-up)";
    private static final String ORDER_ID = "orderId";

    /** The aims of issue 3: at least 200 settled orders/s, and p99 accept-to-completed under 6 s with 1-second blocks. */
    private static final int SETTLED_PER_SECOND_AIM = 200;

    private static final Duration P99_AIM = Duration.ofSeconds(6);

    private final BenchSettings settings = BenchSettings.from(System.getProperties(), System.getenv());
    private final SettlementSettings chain = SettlementSettings.from(System.getProperties(), System.getenv());
    private final SettlementTally tally = new SettlementTally();
    private final String order;
    private final Supplier<String> idempotencyKeys = BenchScenarios.idempotencyKeys("settle");
    private final CompletionWatcher watcher;

    public SettlementSimulation() {
        order = "{\"tokenSymbol\":\"%s\",\"side\":\"BUY\",\"quantity\":1}".formatted(chain.tokenSymbol());
        List<Map<String, Object>> investors = prepareInvestors();
        watcher = CompletionWatcher.start(chain.kafkaBootstrap(), chain.kafkaSecurity(), tally);
        FeederBuilder<Object> feeder = listFeeder(investors).circular();
        ScenarioBuilder warmUp = scenario(WARM_UP).exec(placeOrder(WARM_UP, feeder));
        ScenarioBuilder measured = scenario(MEASURED)
                .exec(placeOrder(MEASURED, feeder))
                .exec(session -> {
                    if (session.isFailed()) {
                        tally.refused();
                    } else {
                        tally.accepted(session.getString(ORDER_ID), System.nanoTime());
                    }
                    return session;
                });
        setUp(population(warmUp, measured)).protocols(BenchScenarios.protocol(settings));
    }

    private List<Map<String, Object>> prepareInvestors() {
        BenchInvestors.Seeded seeded = BenchInvestors.of(settings).seed(settings.investors());
        List<Map<String, Object>> bearerTokens = BenchScenarios.bearerTokens(settings, seeded);
        String contract = contractAddress((String) bearerTokens.getFirst().get("token"));
        Web3j web3j = Web3j.build(new HttpService(chain.rpcUrl().toString()));
        int whitelisted;
        try {
            whitelisted = BenchWhitelist.whitelist(
                    web3j,
                    chain.complianceKey(),
                    contract,
                    seeded.investors().stream()
                            .map(BenchInvestor::walletAddress)
                            .toList());
        } finally {
            web3j.shutdown();
        }
        System.out.printf(
                "%nsettlement benchmark: %s; %s%nInvestors bench-0001..bench-%04d ready (%d opened, %d funded,"
                        + " %d whitelisted on %s at %s now).%n%n",
                settings.describe(),
                chain.describe(),
                settings.investors(),
                seeded.accountsOpened(),
                seeded.depositsMade(),
                whitelisted,
                chain.tokenSymbol(),
                contract);
        return bearerTokens;
    }

    /** The token's contract, as the platform publishes it on {@code GET /api/chain}. */
    private String contractAddress(String bearerToken) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.gatewayUrl() + "/api/chain"))
                .header("Authorization", "Bearer " + bearerToken)
                .timeout(Duration.ofSeconds(10))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "GET /api/chain answered " + response.statusCode() + ": " + response.body());
            }
            for (JsonNode token :
                    JsonMapper.builder().build().readTree(response.body()).get("tokens")) {
                if (token.get("symbol").asString().equals(chain.tokenSymbol())) {
                    return token.get("contractAddress").asString();
                }
            }
            throw new IllegalStateException(
                    "The platform lists no contract for " + chain.tokenSymbol() + ": " + response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Could not ask the gateway for the token contracts", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking for the token contracts", e);
        }
    }

    private ChainBuilder placeOrder(String name, FeederBuilder<Object> investors) {
        return BenchScenarios.placeOrder(
                name,
                investors,
                order,
                idempotencyKeys,
                status().is(202),
                jsonPath("$.orderId").saveAs(ORDER_ID));
    }

    private PopulationBuilder population(ScenarioBuilder warmUp, ScenarioBuilder measured) {
        PopulationBuilder measuredLoad = measured.injectOpen(
                constantUsersPerSec(settings.ratePerSecond()).during(settings.duration()));
        if (settings.warmUp().isZero()) {
            return measuredLoad;
        }
        return warmUp.injectOpen(constantUsersPerSec(settings.ratePerSecond()).during(settings.warmUp()))
                .andThen(measuredLoad);
    }

    /** Waits for the measured orders to finish (or for the timeout), then prints what they showed. */
    @Override
    public void after() {
        Instant deadline = Instant.now().plus(chain.settleTimeout());
        while (!tally.allSettled() && Instant.now().isBefore(deadline)) {
            pause();
        }
        try {
            watcher.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        SettlementTally.Result result = tally.result();
        System.out.printf(
                """

                ==== settlement benchmark: %s; %s
                ==== measured orders: %d accepted (202), %d refused; %d completed, %d failed, %d unfinished after %d s
                ==== settled: %d completed in %.2f s (first accepted to last completed): %.1f settled orders/s
                ==== accept-to-completed: p50 %s, p95 %s, p99 %s, max %s
                ==== %s

                """,
                settings.describe(),
                chain.describe(),
                result.accepted(),
                result.refused(),
                result.completed(),
                result.failed(),
                result.unfinished(),
                chain.settleTimeout().toSeconds(),
                result.completed(),
                result.window().toMillis() / 1000.0,
                result.completedPerSecond(),
                seconds(result.percentile(50)),
                seconds(result.percentile(95)),
                seconds(result.percentile(99)),
                seconds(result.max()),
                verdict(result));
    }

    private static String verdict(SettlementTally.Result result) {
        boolean met = result.refused() == 0
                && result.failed() == 0
                && result.unfinished() == 0
                && result.completedPerSecond() >= SETTLED_PER_SECOND_AIM
                && result.percentile(99).compareTo(P99_AIM) < 0;
        return "aim: at least %d settled orders/s, p99 under %d s, every order completed: %s"
                .formatted(SETTLED_PER_SECOND_AIM, P99_AIM.toSeconds(), met ? "met" : "MISSED");
    }

    private static String seconds(Duration duration) {
        return "%.2f s".formatted(duration.toMillis() / 1000.0);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the orders to settle", e);
        }
    }
}
