package dev.tokenx.testkit;

import dev.tokenx.infra.AnvilChain;
import dev.tokenx.infra.FreePorts;
import dev.tokenx.infra.KafkaBroker;
import dev.tokenx.infra.PostgresServer;
import dev.tokenx.infra.RedisServer;

/**
 * The real servers tests run against: each started on first use, once per JVM, on a free port with
 * a temporary folder, and shared by every test class in that JVM. Each one is stopped and its folder
 * deleted by its own JVM shutdown hook. Safe to call from several threads.
 *
 * <p>Test classes keep their data apart by using their own database ({@link TestDatabases}), topics,
 * consumer groups and Redis keys. Outage tests call {@code kafka().stop()} / {@code kafka().start()}
 * and {@code redis().stop()} / {@code redis().restart()}, and must bring the server back before they
 * end.
 */
public final class Infrastructure {

    /** fsync off: these databases die with the JVM, so crash safety buys nothing but slower tests. */
    private static final Once<PostgresServer> POSTGRES =
            new Once<>("PostgreSQL", () -> PostgresServer.start(FreePorts.pick(), null, false));

    private static final Once<KafkaBroker> KAFKA = new Once<>("Kafka", () -> KafkaBroker.start(FreePorts.pick(), null));

    private static final Once<RedisServer> REDIS = new Once<>("Redis", () -> RedisServer.start(FreePorts.pick(), null));

    /** One block a second, so that confirmations grow the way they do on a real chain. */
    private static final Once<AnvilChain> ANVIL =
            new Once<>("anvil", () -> AnvilChain.start(FreePorts.pick(), 1, null));

    private Infrastructure() {}

    public static PostgresServer postgres() {
        return POSTGRES.get();
    }

    public static KafkaBroker kafka() {
        return KAFKA.get();
    }

    public static RedisServer redis() {
        return REDIS.get();
    }

    public static AnvilChain anvil() {
        return ANVIL.get();
    }
}
