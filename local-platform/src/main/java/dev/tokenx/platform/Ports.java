package dev.tokenx.platform;

import dev.tokenx.infra.FreePorts;
import java.util.Map;

/** Where everything listens. Local defaults are fixed and documented; tests take free ports. */
public record Ports(
        int gateway,
        int orders,
        int blockchain,
        int notifications,
        int realtime,
        int cache,
        int kafka,
        int postgres,
        int redis,
        int anvil) {

    static Ports fromEnvironment(Map<String, String> env) {
        return new Ports(
                port(env, "GATEWAY_PORT", 8080),
                port(env, "ORDER_SERVICE_PORT", 8081),
                port(env, "BLOCKCHAIN_SERVICE_PORT", 8082),
                port(env, "NOTIFICATION_SERVICE_PORT", 8083),
                port(env, "REALTIME_SERVER_PORT", 8084),
                port(env, "CACHE_SERVICE_PORT", 8085),
                port(env, "KAFKA_PORT", 9092),
                port(env, "POSTGRES_PORT", 15432),
                port(env, "REDIS_PORT", 16379),
                port(env, "ANVIL_PORT", 8545));
    }

    static Ports free() {
        return new Ports(
                FreePorts.pick(),
                FreePorts.pick(),
                FreePorts.pick(),
                FreePorts.pick(),
                FreePorts.pick(),
                FreePorts.pick(),
                FreePorts.pick(),
                FreePorts.pick(),
                FreePorts.pick(),
                FreePorts.pick());
    }

    private static int port(Map<String, String> env, String name, int defaultPort) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a TCP port (1-65535), got: " + value);
        }
    }
}
