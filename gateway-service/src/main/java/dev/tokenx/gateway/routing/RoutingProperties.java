package dev.tokenx.gateway.routing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the services behind the edge live, and how long the edge waits for them.
 *
 * @param responseTimeouts per route id ({@link EdgeRoute#id()}), a response timeout replacing the service's own
 * @param retry how idempotent reads are retried after an I/O failure
 */
@Validated
@ConfigurationProperties("gateway.routing")
public record RoutingProperties(
        @NotNull @Valid Upstream orderService,
        @NotNull @Valid Upstream cacheService,
        @NotNull @Valid Upstream notificationService,
        @NotNull @Valid Upstream blockchainService,
        @NotNull @Valid Upstream realtimeServer,
        @NotNull @DefaultValue Map<String, @NotNull @DurationMin(millis = 1) Duration> responseTimeouts,
        @NotNull @Valid @DefaultValue Retry retry) {

    /**
     * @param uri base URI of the service, for example {@code http://localhost:8081}
     * @param connectTimeout how long to wait for a TCP connection before answering 503
     * @param responseTimeout how long to wait for the response headers before answering 504, unless the route sets
     *     its own
     */
    public record Upstream(
            @NotNull URI uri,
            @NotNull @DurationMin(millis = 1) Duration connectTimeout,
            @NotNull @DurationMin(millis = 1) Duration responseTimeout) {}

    /**
     * Only GETs are retried, and only after an I/O failure (refused or reset connection): a timeout is not retried,
     * as the service may still be working on the first attempt and the client already waited the whole timeout.
     *
     * @param attempts retries after the first attempt; 0 disables retries
     * @param firstBackoff pause before the first retry, doubled for each further one
     * @param maxBackoff the longest pause between two attempts
     */
    public record Retry(
            @Min(0) @Max(5) @DefaultValue("2") int attempts,

            @NotNull @DurationMin(millis = 1) @DefaultValue("50ms")
            Duration firstBackoff,

            @NotNull @DurationMin(millis = 1) @DefaultValue("500ms")
            Duration maxBackoff) {}

    public Upstream upstream(UpstreamService service) {
        return switch (service) {
            case ORDER_SERVICE -> orderService;
            case CACHE_SERVICE -> cacheService;
            case NOTIFICATION_SERVICE -> notificationService;
            case BLOCKCHAIN_SERVICE -> blockchainService;
            case REALTIME_SERVER -> realtimeServer;
        };
    }

    public Duration responseTimeout(EdgeRoute route, Upstream upstream) {
        return responseTimeouts.getOrDefault(route.id(), upstream.responseTimeout());
    }

    @AssertTrue(message = "gateway.routing.response-timeouts names a route that does not exist or has no upstream")
    public boolean isResponseTimeoutsForProxiedRoutes() {
        return responseTimeouts.keySet().stream()
                .allMatch(id -> EdgeRoute.byId(id).flatMap(EdgeRoute::service).isPresent());
    }
}
