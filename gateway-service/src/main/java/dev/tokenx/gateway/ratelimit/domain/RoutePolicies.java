package dev.tokenx.gateway.ratelimit.domain;

import java.util.Map;
import java.util.Optional;

/** Each route's policy, by route id. A route without one is not limited. */
public final class RoutePolicies {

    private final Map<String, RoutePolicy> byRoute;

    public RoutePolicies(Map<String, RoutePolicy> byRoute) {
        this.byRoute = Map.copyOf(byRoute);
    }

    public Optional<RoutePolicy> forRoute(String route) {
        return Optional.ofNullable(byRoute.get(route));
    }
}
