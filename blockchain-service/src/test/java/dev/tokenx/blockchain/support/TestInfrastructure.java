package dev.tokenx.blockchain.support;

import dev.tokenx.infra.PostgresServer;
import dev.tokenx.testkit.Infrastructure;
import dev.tokenx.testkit.TestDatabases;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The properties that point the service at the test kit's servers, each test class with its own database. */
public final class TestInfrastructure {

    public static final String JWT_SECRET = "test-only-secret-0123456789abcdef0123456789";

    private TestInfrastructure() {}

    /**
     * @param rpcUrl the chain (anvil, or a proxy in front of it)
     * @param tokens contract address by token symbol
     */
    public static void register(DynamicPropertyRegistry registry, String rpcUrl, Map<String, String> tokens) {
        PostgresServer postgres = Infrastructure.postgres();
        String database = TestDatabases.create("blockchain");
        add(registry, "spring.r2dbc.url", postgres.r2dbcUrl(database));
        add(registry, "spring.r2dbc.username", postgres.username());
        add(registry, "spring.r2dbc.password", postgres.password());
        add(registry, "spring.flyway.url", postgres.jdbcUrl(database));
        add(registry, "spring.flyway.user", postgres.username());
        add(registry, "spring.flyway.password", postgres.password());
        // Small pools: several contexts may be open at once.
        add(registry, "spring.r2dbc.pool.initial-size", "2");
        add(registry, "spring.r2dbc.pool.max-size", "16");
        add(registry, "spring.kafka.bootstrap-servers", Infrastructure.kafka().bootstrapServers());
        // A group of its own per context: it reads the topic from the start, and each test class uses token symbols
        // of its own, so other classes' orders are dead-lettered as unknown tokens and never settled here.
        add(registry, "tokenx.kafka.consumer.group-id", "blockchain-test-" + UUID.randomUUID());
        add(registry, "blockchain.topics.partitions", "3");
        add(registry, "blockchain.chain.rpc-url", rpcUrl);
        add(
                registry,
                "blockchain.chain.chain-id",
                Long.toString(TestChain.anvil().chainId()));
        add(registry, "blockchain.signer.private-key", TestChain.agentKey());
        add(registry, "blockchain.signer.treasury-address", TestChain.treasury());
        tokens.forEach(
                (symbol, contract) -> add(registry, "blockchain.tokens." + symbol + ".contract-address", contract));
        add(registry, "blockchain.confirmations.poll-interval", "200ms");
        add(registry, "tokenx.security.jwt.secret", JWT_SECRET);
        add(registry, "tokenx.outbox.poll-interval", "20ms");
        add(registry, "tokenx.outbox.backoff-max", "1s");
        // An outage must surface within a test's patience.
        add(registry, "spring.kafka.producer.properties.max.block.ms", "1500");
        add(registry, "spring.kafka.producer.properties.request.timeout.ms", "1500");
        add(registry, "spring.kafka.producer.properties.delivery.timeout.ms", "3000");
        // The Kafka clients print their whole configuration at INFO, once per client.
        add(registry, "logging.level.org.apache.kafka", "WARN");
    }

    private static void add(DynamicPropertyRegistry registry, String name, String value) {
        registry.add(name, () -> value);
    }
}
