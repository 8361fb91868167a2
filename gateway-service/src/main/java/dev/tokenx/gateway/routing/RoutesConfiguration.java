package dev.tokenx.gateway.routing;

import dev.tokenx.gateway.routing.RoutingProperties.Upstream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.Buildable;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.PredicateSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.route.builder.UriSpec;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The routes of the edge, one per proxied {@link EdgeRoute}. Paths are forwarded unchanged with the caller's
 * {@code Authorization} header, so that each service verifies the token on its own.
 *
 * <p>HTTP routes pass through the service's circuit breaker (which also holds the service's bulkhead) and, inside
 * it, a retry for GETs only. A failure lands on {@code forward:/fallback/<service>}, which answers the problem.
 * The WebSocket route has neither: a Pusher session lives for hours, and would hold a bulkhead permit and count as
 * one call that long.
 */
@Configuration(proxyBeanMethods = false)
class RoutesConfiguration {

    @Bean
    RouteLocator routes(RouteLocatorBuilder builder, RoutingProperties routing) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (EdgeRoute route : EdgeRoute.values()) {
            route.service()
                    .ifPresent(service -> routes.route(route.id(), spec -> define(spec, route, service, routing)));
        }
        return routes.build();
    }

    private static Buildable<Route> define(
            PredicateSpec spec, EdgeRoute route, UpstreamService service, RoutingProperties routing) {
        Upstream upstream = routing.upstream(service);
        if (route == EdgeRoute.REALTIME_WEBSOCKET) {
            // Only WebSocket upgrades: a plain GET on /app/** is no Pusher request and finds no route (404).
            return spec.path(route.paths().toArray(String[]::new))
                    .and()
                    .header("Upgrade", "(?i)websocket")
                    .uri(asWebSocket(upstream.uri()));
        }
        UriSpec guarded = spec.path(route.paths().toArray(String[]::new))
                .filters(filters -> resilient(filters, service, routing.retry()));
        return withTimeouts(guarded, upstream.connectTimeout(), routing.responseTimeout(route, upstream))
                .uri(upstream.uri());
    }

    /** The breaker first, so that it counts one failure per request and an open breaker skips the retries too. */
    private static UriSpec resilient(
            GatewayFilterSpec filters, UpstreamService service, RoutingProperties.Retry retry) {
        filters.circuitBreaker(
                breaker -> breaker.setName(service.id()).setFallbackUri("forward:" + service.fallbackPath()));
        if (retry.attempts() > 0) {
            filters.retry(config -> config.setRetries(retry.attempts())
                    .setMethods(HttpMethod.GET)
                    .setSeries()
                    .setStatuses()
                    .setExceptions(IOException.class)
                    .setBackoff(retry.firstBackoff(), retry.maxBackoff(), 2, true));
        }
        return filters;
    }

    private static UriSpec withTimeouts(UriSpec route, Duration connectTimeout, Duration responseTimeout) {
        return route.metadata(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, Math.toIntExact(connectTimeout.toMillis()))
                .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, responseTimeout.toMillis());
    }

    /** {@code http://host:port} becomes {@code ws://host:port}, {@code https} becomes {@code wss}. */
    static URI asWebSocket(URI uri) {
        String scheme = "https".equalsIgnoreCase(uri.getScheme()) ? "wss" : "ws";
        return UriComponentsBuilder.fromUri(uri).scheme(scheme).build(true).toUri();
    }
}
