package dev.tokenx.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The services and the environment variables that wire them to the infrastructure: the same variables
 * docker-compose.yml and the Kubernetes manifests set, so the launcher exercises the real configuration path. Every
 * service runs in local mode ({@link #LOCAL_MODE}), the only place its development defaults apply: the gateway's
 * token issuer with the demo users, order-service's demo data, and the published secrets it passes below.
 */
final class ServiceLineup {

    private ServiceLineup() {}

    static List<ServiceSpec> of(PlatformSettings settings, LocalInfrastructure infra) {
        Ports ports = settings.ports();
        return List.of(
                new ServiceSpec("order-service", ports.orders(), orderService(settings, infra)),
                new ServiceSpec("blockchain-service", ports.blockchain(), blockchainService(settings, infra)),
                new ServiceSpec("notification-service", ports.notifications(), notificationService(settings, infra)),
                new ServiceSpec("realtime-server", ports.realtime(), realtimeServer(infra)),
                new ServiceSpec("cache-service", ports.cache(), common(settings, infra)),
                new ServiceSpec("gateway-service", ports.gateway(), gateway(settings, infra)));
    }

    /** The Spring profile of local mode (secret-guard's {@code LocalMode}): outside it, no published secret is accepted. */
    static final String LOCAL_MODE = "local";

    private static Map<String, String> common(PlatformSettings settings, LocalInfrastructure infra) {
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", LOCAL_MODE);
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", infra.kafka().bootstrapServers());
        env.put("TOKENX_JWT_SECRET", settings.jwtSecret());
        return env;
    }

    private static Map<String, String> orderService(PlatformSettings settings, LocalInfrastructure infra) {
        Map<String, String> env = common(settings, infra);
        env.putAll(database(infra, LocalInfrastructure.ORDERS_DATABASE));
        env.putAll(infra.kafkaEnvironment("order-service"));
        env.put("ORDERS_REDIS_ADDRESS", infra.redis().uri());
        env.putAll(redisLogin(infra, "ORDERS", "order-service"));
        return env;
    }

    private static Map<String, String> blockchainService(PlatformSettings settings, LocalInfrastructure infra) {
        Map<String, String> env = common(settings, infra);
        env.putAll(database(infra, LocalInfrastructure.BLOCKCHAIN_DATABASE));
        env.putAll(infra.kafkaEnvironment("blockchain-service"));
        ChainSetup.Deployments chain = infra.deployments();
        env.put("BLOCKCHAIN_CHAIN_RPC_URL", infra.anvil().rpcUrl());
        env.put("BLOCKCHAIN_CHAIN_CHAIN_ID", Long.toString(infra.anvil().chainId()));
        env.put("BLOCKCHAIN_SIGNER_PRIVATE_KEY", chain.settlementAgentPrivateKey());
        env.put("BLOCKCHAIN_TREASURY_ADDRESS", chain.treasuryAddress());
        chain.contractBySymbol()
                .forEach((symbol, address) -> env.put("BLOCKCHAIN_TOKENS_" + symbol + "_CONTRACT_ADDRESS", address));
        return env;
    }

    private static Map<String, String> database(LocalInfrastructure infra, String database) {
        LocalInfrastructure.Login login = infra.databaseLogin(database);
        return Map.of(
                "SPRING_R2DBC_URL", infra.postgres().r2dbcUrl(database),
                "SPRING_R2DBC_USERNAME", login.username(),
                "SPRING_R2DBC_PASSWORD", login.password(),
                "SPRING_FLYWAY_URL", infra.postgres().jdbcUrl(database),
                "SPRING_FLYWAY_USER", login.username(),
                "SPRING_FLYWAY_PASSWORD", login.password());
    }

    private static Map<String, String> redisLogin(LocalInfrastructure infra, String prefix, String service) {
        LocalInfrastructure.Login login = infra.redisLogin(service);
        return Map.of(prefix + "_REDIS_USERNAME", login.username(), prefix + "_REDIS_PASSWORD", login.password());
    }

    /** The Pusher app that notification-service publishes to and browsers subscribe with (dev-only credentials). */
    static final String REALTIME_APP_ID = "tokenx-local";

    static final String REALTIME_APP_KEY = "tokenx-local-key";
    private static final String REALTIME_APP_SECRET = "tokenx-local-secret";

    private static Map<String, String> realtimeServer(LocalInfrastructure infra) {
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", LOCAL_MODE);
        env.put("REALTIME_APP_ID", REALTIME_APP_ID);
        env.put("REALTIME_APP_KEY", REALTIME_APP_KEY);
        env.put("REALTIME_APP_SECRET", REALTIME_APP_SECRET);
        env.put("REALTIME_REDIS_ADDRESS", infra.redis().uri());
        env.putAll(redisLogin(infra, "REALTIME", "realtime-server"));
        return env;
    }

    private static Map<String, String> notificationService(PlatformSettings settings, LocalInfrastructure infra) {
        Map<String, String> env = common(settings, infra);
        env.putAll(infra.kafkaEnvironment("notification-service"));
        env.put("NOTIFICATIONS_PUSHER_APP_ID", REALTIME_APP_ID);
        env.put("NOTIFICATIONS_PUSHER_KEY", REALTIME_APP_KEY);
        env.put("NOTIFICATIONS_PUSHER_SECRET", REALTIME_APP_SECRET);
        env.put("NOTIFICATIONS_PUSHER_HOST", "127.0.0.1:" + settings.ports().realtime());
        env.put("NOTIFICATIONS_PUSHER_ENCRYPTED", "false");
        env.put("NOTIFICATIONS_REDIS_ADDRESS", infra.redis().uri());
        env.putAll(redisLogin(infra, "NOTIFICATIONS", "notification-service"));
        return env;
    }

    private static Map<String, String> gateway(PlatformSettings settings, LocalInfrastructure infra) {
        Map<String, String> env = common(settings, infra);
        Ports ports = settings.ports();
        env.put("ORDER_SERVICE_URL", "http://127.0.0.1:" + ports.orders());
        env.put("CACHE_SERVICE_URL", "http://127.0.0.1:" + ports.cache());
        env.put("NOTIFICATION_SERVICE_URL", "http://127.0.0.1:" + ports.notifications());
        env.put("BLOCKCHAIN_SERVICE_URL", "http://127.0.0.1:" + ports.blockchain());
        env.put("REALTIME_SERVER_URL", "http://127.0.0.1:" + ports.realtime());
        env.put("GATEWAY_REDIS_ADDRESS", infra.redis().uri());
        env.putAll(redisLogin(infra, "GATEWAY", "gateway-service"));
        return env;
    }
}
