package dev.tokenx.loadtests;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * What the settlement benchmark needs beyond {@link BenchSettings}: where to watch orders finish, the chain, and the
 * compliance agent that whitelists the benchmark investors. From {@code -Dbench.*} system properties.
 *
 * @param kafkaBootstrap the platform's Kafka broker, where order-service publishes each order's final status
 * @param rpcUrl the chain's JSON-RPC endpoint
 * @param complianceKey the compliance agent's private key; by default anvil's well-known dev account 3, which the
 *     local platform appoints (a public development key, for a local chain only)
 * @param tokenSymbol what every benchmark order buys, one token each
 * @param settleTimeout how long after the last order is accepted to wait for the stragglers
 * @param kafkaSecurity the client settings that log the watcher in: the local platform's super user when its
 *     credentials are found ({@code bench.kafkaPassword} overrides), none otherwise
 */
record SettlementSettings(
        String kafkaBootstrap,
        URI rpcUrl,
        String complianceKey,
        String tokenSymbol,
        Duration settleTimeout,
        Map<String, Object> kafkaSecurity) {

    static final String KAFKA_SUPER_USER = "platform-admin";

    static final String ANVIL_DEV_ACCOUNT_3_KEY = "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6";

    SettlementSettings {
        Loopback.require("bench.kafka", URI.create("kafka://" + kafkaBootstrap));
        Loopback.require("bench.rpcUrl", rpcUrl);
        if (settleTimeout.isNegative() || settleTimeout.isZero()) {
            throw new IllegalArgumentException("bench.settleTimeout must be positive, got " + settleTimeout);
        }
    }

    static SettlementSettings from(Properties properties, Map<String, String> environment) {
        String password = properties.getProperty(
                "bench.kafkaPassword",
                LocalPlatformCredentials.read(environment).getProperty("kafka." + KAFKA_SUPER_USER, ""));
        return new SettlementSettings(
                properties.getProperty("bench.kafka", "127.0.0.1:9092"),
                URI.create(properties.getProperty("bench.rpcUrl", "http://127.0.0.1:8545")),
                properties.getProperty("bench.complianceKey", ANVIL_DEV_ACCOUNT_3_KEY),
                properties.getProperty("bench.token", "BLRTECH"),
                Duration.ofSeconds(Long.parseLong(properties.getProperty("bench.settleTimeout", "120"))),
                password.isEmpty() ? Map.of() : superUser(password));
    }

    /** The launcher's broker authenticates every client; its super user may read any topic in any group. */
    private static Map<String, Object> superUser(String password) {
        return Map.of(
                "security.protocol",
                "SASL_PLAINTEXT",
                "sasl.mechanism",
                "PLAIN",
                "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + KAFKA_SUPER_USER
                        + "\" password=\"" + password + "\";");
    }

    String describe() {
        return "buying 1 %s per order; Kafka %s, chain %s".formatted(tokenSymbol, kafkaBootstrap, rpcUrl);
    }
}
