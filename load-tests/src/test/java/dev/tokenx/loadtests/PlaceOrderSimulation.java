package dev.tokenx.loadtests;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code POST /api/trading/place-order} through the gateway, on the local platform: one BLRTECH bought per order, a
 * fresh {@code Idempotency-Key} each time, the orders spread round robin over {@code bench.investors} seeded investors
 * so that no investor's ledger rows or rate limit become the bottleneck. Run it with
 * {@code scripts/bench-place-order.sh [open|saturation]}; {@link BenchSettings} lists the knobs.
 *
 * <p>Two shapes: {@code open} sends a fixed rate whatever the latency (the way independent investors arrive) and
 * checks the latency aim; {@code saturation} keeps a fixed number of users sending back to back, so the platform runs
 * as fast as it can and the accepted orders per second is its capacity.
 */
public class PlaceOrderSimulation extends Simulation {

    static final String MEASURED = "place order";
    static final String WARM_UP = "place order (warm-up)";

    /** The aims of issue 2: p99 under 30 ms at 500 orders/s, and at least 1,500 accepted orders/s at saturation. */
    private static final int P99_AIM_MILLIS = 30;

    private static final int AIM_RATE = 500;
    private static final int SATURATION_AIM_PER_SECOND = 1_500;

    private static final String ORDER = "{\"tokenSymbol\":\"BLRTECH\",\"side\":\"BUY\",\"quantity\":1}";

    private final BenchSettings settings = BenchSettings.from(System.getProperties(), System.getenv());
    private final Tally warmUpTally = new Tally();
    private final Tally measuredTally = new Tally();

    private final Supplier<String> idempotencyKeys = BenchScenarios.idempotencyKeys("bench");

    public PlaceOrderSimulation() {
        BenchInvestors.Seeded seeded = BenchInvestors.of(settings).seed(settings.investors());
        System.out.printf(
                "%nplace-order benchmark: %s%nInvestors bench-0001..bench-%04d ready (%d opened, %d funded now).%n%n",
                settings.describe(), settings.investors(), seeded.accountsOpened(), seeded.depositsMade());
        FeederBuilder<Object> investors =
                listFeeder(BenchScenarios.bearerTokens(settings, seeded)).circular();
        ScenarioBuilder warmUp =
                scenario(WARM_UP).exec(BenchScenarios.tallied(warmUpTally, placeOrder(WARM_UP, investors)));
        ScenarioBuilder measured =
                scenario(MEASURED).exec(BenchScenarios.tallied(measuredTally, placeOrder(MEASURED, investors)));
        setUp(BenchScenarios.phases(settings, warmUp, measured))
                .protocols(BenchScenarios.protocol(settings))
                .assertions(aims());
    }

    private ChainBuilder placeOrder(String name, FeederBuilder<Object> investors) {
        return BenchScenarios.placeOrder(
                name,
                investors,
                ORDER,
                idempotencyKeys,
                status().is(202),
                responseTimeInMillis().saveAs(BenchScenarios.RESPONSE_TIME));
    }

    /** Every measured order accepted; in the open shape also the latency aim. */
    private List<Assertion> aims() {
        Assertion allAccepted = details(MEASURED).failedRequests().count().is(0L);
        if (settings.shape() == BenchSettings.Shape.OPEN) {
            return List.of(
                    allAccepted,
                    details(MEASURED).responseTime().percentile(99.0).lt(P99_AIM_MILLIS));
        }
        return List.of(allAccepted);
    }

    /** The run's own summary, measured phase only: Gatling's console tables above mix in the warm-up. */
    @Override
    public void after() {
        Tally.Result measured = measuredTally.result();
        Tally.Result warmUp = warmUpTally.result();
        System.out.printf(
                """

                ==== place-order benchmark: %s
                ==== measured phase: %d accepted (202), %d failed, in %.2f s: %.1f accepted orders/s
                ==== accepted orders' response times: p50 %d ms, p95 %d ms, p99 %d ms, p99.9 %d ms, max %d ms
                ==== %s
                ==== all phases: %d orders accepted, %d failed

                """,
                settings.describe(),
                measured.accepted(),
                measured.failed(),
                measured.window().toMillis() / 1000.0,
                measured.acceptedPerSecond(),
                measured.percentile(50),
                measured.percentile(95),
                measured.percentile(99),
                measured.percentile(99.9),
                measured.max(),
                verdict(measured),
                measured.accepted() + warmUp.accepted(),
                measured.failed() + warmUp.failed());
    }

    private String verdict(Tally.Result measured) {
        if (settings.shape() == BenchSettings.Shape.SATURATION) {
            return "aim: at least %d accepted orders/s at saturation: %s"
                    .formatted(
                            SATURATION_AIM_PER_SECOND,
                            measured.acceptedPerSecond() >= SATURATION_AIM_PER_SECOND ? "met" : "MISSED");
        }
        String met = measured.failed() == 0 && measured.percentile(99) < P99_AIM_MILLIS ? "met" : "MISSED";
        String atRate = settings.ratePerSecond() == AIM_RATE
                ? ""
                : " (the aim is set for %d orders/s; this run sent %d/s)".formatted(AIM_RATE, settings.ratePerSecond());
        return "aim: p99 under %d ms at %d orders/s, no failure: %s%s".formatted(P99_AIM_MILLIS, AIM_RATE, met, atRate);
    }
}
