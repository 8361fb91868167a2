package dev.tokenx.gateway.routing;

import dev.tokenx.gateway.routing.RoutingProperties.Upstream;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.Buildable;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.route.builder.UriSpec;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The routes of the edge. Paths are forwarded unchanged (order-service serves {@code /api/trading/**} itself) with
 * the caller's {@code Authorization} header, so that each service verifies the token on its own.
 */
@Configuration(proxyBeanMethods = false)
class RoutesConfiguration {

    static final String ORDER_SERVICE_ROUTE = "order-service";

    @Bean
    RouteLocator routes(RouteLocatorBuilder routes, RoutingProperties routing) {
        return routes.routes()
                .route(ORDER_SERVICE_ROUTE, route -> toUpstream(route.path("/api/trading/**"), routing.orderService()))
                .build();
    }

    private static Buildable<Route> toUpstream(UriSpec route, Upstream upstream) {
        return route.metadata(
                        RouteMetadataUtils.CONNECT_TIMEOUT_ATTR,
                        Math.toIntExact(upstream.connectTimeout().toMillis()))
                .metadata(
                        RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR,
                        upstream.responseTimeout().toMillis())
                .uri(upstream.uri());
    }
}
