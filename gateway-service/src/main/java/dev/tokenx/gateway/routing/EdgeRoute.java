package dev.tokenx.gateway.routing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every public surface of the edge, by the paths it answers. The proxied ones become gateway routes
 * ({@link RoutesConfiguration}); the rate limiter assigns its tiers by the same names, so that a path is always
 * limited as the route that serves it. Paths are forwarded unchanged: each service serves its own prefix.
 */
public enum EdgeRoute {
    /** The gateway's own token endpoint (development issuer); no upstream. */
    AUTH("auth", null, "/api/auth/**"),
    TRADING("trading", UpstreamService.ORDER_SERVICE, "/api/trading/**"),
    ACCOUNTS("accounts", UpstreamService.ORDER_SERVICE, "/api/accounts/**"),
    PAYMENTS("payments", UpstreamService.ORDER_SERVICE, "/api/payments/**"),
    ADMIN("admin", UpstreamService.ORDER_SERVICE, "/api/admin/**"),
    PORTFOLIO("portfolio", UpstreamService.CACHE_SERVICE, "/api/portfolio/**"),
    MARKET_DATA("market-data", UpstreamService.CACHE_SERVICE, "/api/market/**"),
    REALTIME_AUTH("realtime-auth", UpstreamService.NOTIFICATION_SERVICE, "/api/realtime/auth"),
    CHAIN("chain", UpstreamService.BLOCKCHAIN_SERVICE, "/api/chain/**"),
    /** The Pusher protocol WebSocket: {@code ws://<gateway>/app/{key}}, as every Pusher client builds it. */
    REALTIME_WEBSOCKET("realtime-websocket", UpstreamService.REALTIME_SERVER, "/app/**");

    private final String id;
    private final UpstreamService service;
    private final List<String> paths;
    private final List<PathPattern> patterns;

    EdgeRoute(String id, UpstreamService service, String... paths) {
        this.id = id;
        this.service = service;
        this.paths = List.of(paths);
        this.patterns = this.paths.stream()
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
    }

    /** The route's name in configuration ({@code gateway.routing.routes.<id>}, rate-limit tiers) and metrics. */
    public String id() {
        return id;
    }

    /** The service that answers, or empty for a route the gateway serves itself. */
    public Optional<UpstreamService> service() {
        return Optional.ofNullable(service);
    }

    public List<String> paths() {
        return paths;
    }

    public boolean matches(PathContainer path) {
        return patterns.stream().anyMatch(pattern -> pattern.matches(path));
    }

    /** The route a request path belongs to, if any. Prefixes do not overlap, so at most one matches. */
    public static Optional<EdgeRoute> forPath(PathContainer path) {
        return Arrays.stream(values()).filter(route -> route.matches(path)).findFirst();
    }

    public static Optional<EdgeRoute> byId(String id) {
        return Arrays.stream(values()).filter(route -> route.id.equals(id)).findFirst();
    }
}
