package dev.tokenx.gateway.ratelimit.web;

import dev.tokenx.gateway.problem.ProblemResponseWriter;
import dev.tokenx.gateway.problem.Problems;
import dev.tokenx.gateway.ratelimit.application.CheckRateLimit;
import dev.tokenx.gateway.ratelimit.application.LocalRateLimit;
import dev.tokenx.gateway.ratelimit.application.RateLimitUnavailable;
import dev.tokenx.gateway.ratelimit.domain.ClientAddressResolver;
import dev.tokenx.gateway.ratelimit.domain.Decision;
import dev.tokenx.gateway.ratelimit.domain.Limit;
import dev.tokenx.gateway.ratelimit.domain.OutageMode;
import dev.tokenx.gateway.ratelimit.domain.RoutePolicies;
import dev.tokenx.gateway.ratelimit.domain.RoutePolicy;
import dev.tokenx.gateway.ratelimit.web.RateLimitMetrics.Outcome;
import dev.tokenx.gateway.requestid.RequestIds;
import dev.tokenx.gateway.routing.EdgeRoute;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Counts every request to a limited route against its user (when its token was verified) and its client address,
 * before it is routed. Runs after Spring Security, so the user is known: a request refused there (401, 403, a CORS
 * preflight) never reaches a service and is not counted. The WebSocket route is counted per upgrade, not per
 * message, as a WebSocket session never passes here again.
 */
public final class RateLimitWebFilter implements WebFilter, Ordered {

    /** After Spring Security's filter chain (order -100), before routing (a handler, after every filter). */
    public static final int ORDER = 0;

    private static final Logger log = LoggerFactory.getLogger(RateLimitWebFilter.class);
    private static final String FAIL_CLOSED_RETRY_AFTER_SECONDS = "1";

    private final RoutePolicies policies;
    private final CheckRateLimit checkRateLimit;
    private final LocalRateLimit localRateLimit;
    private final ClientAddressResolver clientAddresses;
    private final ProblemResponseWriter problems;
    private final RateLimitMetrics metrics;
    private final Clock clock;
    private final AtomicBoolean outage = new AtomicBoolean();

    public RateLimitWebFilter(
            RoutePolicies policies,
            CheckRateLimit checkRateLimit,
            LocalRateLimit localRateLimit,
            ClientAddressResolver clientAddresses,
            ProblemResponseWriter problems,
            RateLimitMetrics metrics,
            Clock clock) {
        this.policies = policies;
        this.checkRateLimit = checkRateLimit;
        this.localRateLimit = localRateLimit;
        this.clientAddresses = clientAddresses;
        this.problems = problems;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<RoutePolicy> policy = EdgeRoute.forPath(
                        exchange.getRequest().getPath().pathWithinApplication())
                .flatMap(route -> policies.forRoute(route.id()));
        if (policy.isEmpty()) {
            return chain.filter(exchange);
        }
        String client = clientAddress(exchange.getRequest());
        return userOf(exchange)
                .flatMap(user ->
                        limit(exchange, chain, policy.get(), policy.get().limitsFor(user, client)));
    }

    private Mono<Void> limit(ServerWebExchange exchange, WebFilterChain chain, RoutePolicy policy, List<Limit> limits) {
        if (limits.isEmpty()) {
            return chain.filter(exchange);
        }
        long started = System.nanoTime();
        return Mono.fromCompletionStage(() -> checkRateLimit.check(limits))
                .map(Verdict::decided)
                .onErrorResume(RateLimitWebFilter::isUnavailable, failure -> Mono.just(Verdict.unavailable(failure)))
                .flatMap(verdict -> answer(
                        exchange, chain, policy, limits, verdict, Duration.ofNanos(System.nanoTime() - started)));
    }

    private Mono<Void> answer(
            ServerWebExchange exchange,
            WebFilterChain chain,
            RoutePolicy policy,
            List<Limit> limits,
            Verdict verdict,
            Duration took) {
        if (verdict.decision() != null) {
            noteRecovered();
            Decision decision = verdict.decision();
            stampOnCommit(exchange.getResponse(), RateLimitHeaders.of(decision, clock.instant()));
            metrics.record(policy, decision.admitted() ? Outcome.ADMITTED : Outcome.LIMITED, took);
            return decision.admitted() ? chain.filter(exchange) : refuse(exchange, policy, decision);
        }
        logOutage(exchange.getRequest(), policy, verdict.failure());
        if (policy.outageMode() == OutageMode.LOCAL_LIMIT) {
            Decision decision = localRateLimit.check(limits);
            stampOnCommit(exchange.getResponse(), RateLimitHeaders.of(decision, clock.instant()));
            metrics.record(policy, decision.admitted() ? Outcome.LOCAL_ADMITTED : Outcome.LOCAL_LIMITED, took);
            return decision.admitted() ? chain.filter(exchange) : refuse(exchange, policy, decision);
        }
        stampOnCommit(exchange.getResponse(), RateLimitHeaders.policiesOf(limits));
        if (policy.outageMode() == OutageMode.FAIL_OPEN) {
            metrics.record(policy, Outcome.FAIL_OPEN, took);
            return chain.filter(exchange);
        }
        metrics.record(policy, Outcome.FAIL_CLOSED, took);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, FAIL_CLOSED_RETRY_AFTER_SECONDS);
        return problems.write(
                exchange,
                Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "SERVICE_UNAVAILABLE",
                        "Rate limiting is unavailable, and this route is closed until it is back."));
    }

    private Mono<Void> refuse(ServerWebExchange exchange, RoutePolicy policy, Decision decision) {
        long retryAfter = Math.max(1, RateLimitHeaders.roundedUp(decision.retryAfter()));
        ProblemDetail problem = Problems.of(
                HttpStatus.TOO_MANY_REQUESTS,
                "RATE_LIMITED",
                "Too many requests: at most %d per %d s (policy %s). Retry after %d s."
                        .formatted(
                                decision.binding().limit().limit(),
                                RateLimitHeaders.roundedUp(
                                        decision.binding().limit().window()),
                                decision.binding().limit().policyName(),
                                retryAfter));
        problem.setProperty("retryAfterSeconds", retryAfter);
        problem.setProperty("tier", policy.tier().label());
        return problems.write(exchange, problem);
    }

    /** Set when the answer is committed, over any copy an upstream sent: the edge's counters are the truth. */
    private static void stampOnCommit(ServerHttpResponse response, HttpHeaders headers) {
        response.getHeaders().putAll(headers);
        response.beforeCommit(
                () -> Mono.fromRunnable(() -> response.getHeaders().putAll(headers)));
    }

    private static Mono<Optional<String>> userOf(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(Principal::getName)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    private String clientAddress(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        if (peer == null) {
            return "unknown";
        }
        List<String> forwardedFor = request.getHeaders().getOrEmpty("X-Forwarded-For");
        return clientAddresses.keyOf(peer, forwardedFor);
    }

    private static boolean isUnavailable(Throwable failure) {
        return failure instanceof RateLimitUnavailable || failure.getCause() instanceof RateLimitUnavailable;
    }

    /** One warning when an outage starts and one line when it ends; the metric counts every request between. */
    private void logOutage(ServerHttpRequest request, RoutePolicy policy, Throwable failure) {
        if (!outage.compareAndSet(false, true)) {
            return;
        }
        MDC.put(RequestIds.MDC_KEY, request.getHeaders().getFirst(RequestIds.HEADER));
        try {
            log.warn(
                    "Rate limit counters unreachable: fail-closed routes answer 503, local-limit routes count in this"
                            + " instance, fail-open routes go unlimited ({})",
                    failure.toString());
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private void noteRecovered() {
        if (outage.compareAndSet(true, false)) {
            log.info("Rate limit counters reachable again");
        }
    }

    /** Either the decision, or why there is none. */
    private record Verdict(Decision decision, Throwable failure) {

        static Verdict decided(Decision decision) {
            return new Verdict(decision, null);
        }

        static Verdict unavailable(Throwable failure) {
            return new Verdict(null, failure);
        }
    }
}
