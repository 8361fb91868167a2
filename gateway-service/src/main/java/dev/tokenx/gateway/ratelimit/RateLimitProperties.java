package dev.tokenx.gateway.ratelimit;

import dev.tokenx.gateway.ratelimit.domain.AddressRange;
import dev.tokenx.gateway.ratelimit.domain.OutageMode;
import dev.tokenx.gateway.ratelimit.domain.RoutePolicy;
import dev.tokenx.gateway.ratelimit.domain.Tier;
import dev.tokenx.gateway.routing.EdgeRoute;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The per-route rate limits ({@code gateway.rate-limit.*}): each route is given a tier, each tier a quota per user
 * and per client address over a window, and what to do while Redis is unreachable.
 *
 * @param enabled off: nothing is counted and no rate-limit field is sent (load tests that measure the rest)
 * @param keyPrefix prefix of every Redis key; instances that share it share their counters
 * @param timeout the longest a request waits for its counters before the route's outage mode applies
 * @param outageCooldown after Redis failed a request, how long the others go straight to their route's outage mode
 *     without asking Redis; the first request after it probes Redis again
 * @param trustedProxies addresses or CIDR blocks of the proxies in front of the edge, whose
 *     {@code X-Forwarded-For} is believed; empty: the TCP peer is always the client
 * @param tiers the quota of each tier; all three must be set
 * @param routes the tier of each route id ({@link EdgeRoute#id()}); every route must have one
 * @param localFraction the share of each limit one instance enforces on its own while Redis is unreachable, on tiers
 *     whose outage mode is {@code local-limit}: 1 (the default) for one instance, 1/N for N instances
 */
@Validated
@ConfigurationProperties("gateway.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @NotBlank @DefaultValue("gateway:rate-limit") String keyPrefix,

        @NotNull @DurationMin(millis = 1) @DefaultValue("300ms")
        Duration timeout,

        @NotNull @DefaultValue("1s") Duration outageCooldown,

        @NotNull @DefaultValue List<String> trustedProxies,
        @NotNull @Valid Map<Tier, TierQuota> tiers,
        @NotNull Map<String, Tier> routes,

        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @DefaultValue("1")
        double localFraction) {

    /** Partitions the local limit keeps at most during an outage (least recently used dropped first). */
    static final long LOCAL_MAXIMUM_PARTITIONS = 100_000;

    /**
     * @param limit requests per window for one user
     * @param ipLimit requests per window from one client address; 0 switches the address limit off
     * @param window the sliding window; 60 s everywhere but in tests
     * @param whenRedisDown {@code fail-closed}: 503; {@code fail-open}: serve unlimited; {@code local-limit}: count
     *     in this instance alone
     */
    public record TierQuota(
            @Min(1) int limit,
            @Min(0) int ipLimit,
            @NotNull @DurationMin(seconds = 1) Duration window,
            @NotNull OutageMode whenRedisDown) {}

    @AssertTrue(message = "gateway.rate-limit.tiers must set strict, moderate and lenient")
    public boolean isEveryTierSet() {
        return tiers.keySet().containsAll(EnumSet.allOf(Tier.class));
    }

    @AssertTrue(message = "gateway.rate-limit.routes must give every route a tier, and name only existing routes")
    public boolean isEveryRouteTiered() {
        return routes.keySet()
                .equals(Arrays.stream(EdgeRoute.values()).map(EdgeRoute::id).collect(Collectors.toSet()));
    }

    @AssertTrue(message = "gateway.rate-limit.trusted-proxies must list IP addresses or CIDR blocks")
    public boolean isTrustedProxiesParsable() {
        try {
            trustedProxies.stream().filter(cidr -> !cidr.isBlank()).forEach(AddressRange::parse);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    Duration longestWindow() {
        return tiers.values().stream()
                .map(TierQuota::window)
                .max(Duration::compareTo)
                .orElseThrow();
    }

    Map<String, RoutePolicy> policies() {
        return routes.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, route -> policy(route.getKey(), route.getValue())));
    }

    private RoutePolicy policy(String route, Tier tier) {
        TierQuota quota = tiers.get(tier);
        return new RoutePolicy(route, tier, quota.limit(), quota.ipLimit(), quota.window(), quota.whenRedisDown());
    }
}
