package dev.tokenx.loadtests;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** What the simulations share: the HTTP protocol, the investors' tokens, the phases, and the tally of answers. */
final class BenchScenarios {

    /** Where a request saves its response time for {@link #tallied}. */
    static final String RESPONSE_TIME = "responseTimeMillis";

    private BenchScenarios() {}

    static HttpProtocolBuilder protocol(BenchSettings settings) {
        return http.baseUrl(settings.gatewayUrl().toString())
                // Gatling would first call its own web site to warm up; the benchmarks talk to localhost only.
                .disableWarmUp()
                // Many investors' apps behind one pool of keep-alive connections: the benchmarks measure the requests,
                // not TCP handshakes, and do not run the machine out of ephemeral ports.
                .shareConnections()
                .acceptHeader("application/json")
                .contentTypeHeader("application/json");
    }

    /** A feeder record per seeded investor, {@code token} holding a JWT that outlives the run. */
    static List<Map<String, Object>> bearerTokens(BenchSettings settings, BenchInvestors.Seeded seeded) {
        BenchTokens tokens = new BenchTokens(settings.tokens());
        Instant now = Instant.now();
        return seeded.investors().stream()
                .map(investor -> Map.<String, Object>of("token", tokens.mint(investor, now, settings.tokenLifetime())))
                .toList();
    }

    /** {@code POST /api/trading/place-order} as the investor of the feeder's next record, under a fresh key. */
    static ChainBuilder placeOrder(
            String name,
            FeederBuilder<Object> investors,
            String order,
            Supplier<String> idempotencyKeys,
            CheckBuilder... checks) {
        return feed(investors)
                .exec(http(name)
                        .post("/api/trading/place-order")
                        .header("Authorization", "Bearer #{token}")
                        .header("Idempotency-Key", session -> idempotencyKeys.get())
                        .body(StringBody(order))
                        .check(checks));
    }

    /**
     * Idempotency keys for one run, shared by its phases: the run's start in base 36, then a sequence number, so that
     * no key repeats one of an earlier run (a repeated key would replay that run's order instead of placing one).
     */
    static Supplier<String> idempotencyKeys(String benchmark) {
        String prefix = benchmark + "-" + Long.toString(System.currentTimeMillis(), 36) + "-";
        AtomicLong sequence = new AtomicLong();
        return () -> prefix + sequence.incrementAndGet();
    }

    /** Counts the request's outcome in {@code tally}; the request must save {@link #RESPONSE_TIME} when it passes. */
    static ChainBuilder tallied(Tally tally, ChainBuilder request) {
        return exec(session -> {
                    tally.sending();
                    return session;
                })
                .exec(request)
                .exec(session -> {
                    if (session.isFailed()) {
                        tally.failed();
                    } else {
                        tally.accepted(session.getInt(RESPONSE_TIME));
                    }
                    return session;
                });
    }

    /**
     * The warm-up phase, then the measured one. Open: a fixed arrival rate (the warm-up ramps up to it from a tenth);
     * saturation: a fixed number of users sending back to back.
     */
    static PopulationBuilder phases(BenchSettings settings, ScenarioBuilder warmUp, ScenarioBuilder measured) {
        Duration warmUpTime = settings.warmUp();
        Duration measuredTime = settings.duration();
        PopulationBuilder measuredLoad = switch (settings.shape()) {
            case OPEN ->
                measured.injectOpen(
                        constantUsersPerSec(settings.ratePerSecond()).during(measuredTime));
            case SATURATION ->
                measured.injectClosed(
                        constantConcurrentUsers(settings.concurrency()).during(measuredTime));
        };
        if (warmUpTime.isZero()) {
            return measuredLoad;
        }
        PopulationBuilder warmUpLoad = switch (settings.shape()) {
            case OPEN ->
                warmUp.injectOpen(rampUsersPerSec(Math.max(1, settings.ratePerSecond() / 10))
                        .to(settings.ratePerSecond())
                        .during(warmUpTime));
            case SATURATION ->
                warmUp.injectClosed(
                        constantConcurrentUsers(settings.concurrency()).during(warmUpTime));
        };
        return warmUpLoad.andThen(measuredLoad);
    }
}
