package dev.tokenx.gateway.routing;

import java.util.Arrays;
import java.util.Optional;

/** The services behind the edge. Each has its own address, timeouts, circuit breaker and bulkhead. */
public enum UpstreamService {
    ORDER_SERVICE("order-service"),
    CACHE_SERVICE("cache-service"),
    NOTIFICATION_SERVICE("notification-service"),
    BLOCKCHAIN_SERVICE("blockchain-service"),
    REALTIME_SERVER("realtime-server");

    /** Internal only: no route leads here from outside, and the edge's security denies it. */
    public static final String FALLBACK_PREFIX = "/fallback/";

    private final String id;

    UpstreamService(String id) {
        this.id = id;
    }

    /** The name used in configuration, metrics and the circuit breaker and bulkhead instances. */
    public String id() {
        return id;
    }

    /** The local path the service's circuit breaker forwards a failed request to. */
    public String fallbackPath() {
        return FALLBACK_PREFIX + id;
    }

    public static Optional<UpstreamService> byId(String id) {
        return Arrays.stream(values()).filter(service -> service.id.equals(id)).findFirst();
    }
}
