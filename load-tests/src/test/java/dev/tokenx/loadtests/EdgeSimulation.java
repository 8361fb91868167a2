package dev.tokenx.loadtests;

import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.Locale;

/**
 * One authenticated read, {@code GET /api/accounts/me}, sent either through the gateway or straight to order-service
 * ({@code bench.gatewayUrl} says where): the difference between the two is what the edge costs (JWT check, rate
 * limit, routing, circuit breaker, proxying). A read, so that no settlement work runs behind the requests and skews
 * the comparison. {@code scripts/bench-gateway.sh} runs it in each configuration and compares; {@code bench.label}
 * names the run in the summary.
 */
public class EdgeSimulation extends Simulation {

    private static final String MEASURED = "account";
    private static final String WARM_UP = "account (warm-up)";

    private final BenchSettings settings = BenchSettings.from(System.getProperties(), System.getenv());
    private final String label =
            System.getProperty("bench.label", settings.gatewayUrl().toString());
    private final Tally warmUpTally = new Tally();
    private final Tally measuredTally = new Tally();

    public EdgeSimulation() {
        BenchInvestors.Seeded seeded = BenchInvestors.of(settings).seed(settings.investors());
        FeederBuilder<Object> investors =
                listFeeder(BenchScenarios.bearerTokens(settings, seeded)).circular();
        ScenarioBuilder warmUp =
                scenario(WARM_UP).exec(BenchScenarios.tallied(warmUpTally, account(WARM_UP, investors)));
        ScenarioBuilder measured =
                scenario(MEASURED).exec(BenchScenarios.tallied(measuredTally, account(MEASURED, investors)));
        setUp(BenchScenarios.phases(settings, warmUp, measured)).protocols(BenchScenarios.protocol(settings));
    }

    private static ChainBuilder account(String name, FeederBuilder<Object> investors) {
        return feed(investors)
                .exec(http(name)
                        .get("/api/accounts/me")
                        .header("Authorization", "Bearer #{token}")
                        .check(status().is(200), responseTimeInMillis().saveAs(BenchScenarios.RESPONSE_TIME)));
    }

    /** One line the comparing script reads ({@code ==== edge <label> ...}), then the run's description. */
    @Override
    public void after() {
        Tally.Result measured = measuredTally.result();
        System.out.printf(
                """

                ==== edge %s %s: %d ok, %d failed, %.1f requests/s, p50 %d ms, p95 %d ms, p99 %d ms, max %d ms
                ==== (%s)

                """,
                label,
                settings.shape().name().toLowerCase(Locale.ROOT),
                measured.accepted(),
                measured.failed(),
                measured.acceptedPerSecond(),
                measured.percentile(50),
                measured.percentile(95),
                measured.percentile(99),
                measured.max(),
                settings.describe());
    }
}
