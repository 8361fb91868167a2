package dev.tokenx.platform;

import dev.tokenx.events.Topics;
import dev.tokenx.infra.AnvilChain;
import dev.tokenx.infra.KafkaBroker;
import dev.tokenx.infra.KafkaSasl;
import dev.tokenx.infra.PostgresServer;
import dev.tokenx.infra.RedisServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/** The real servers the services run on, each keeping its data under the platform's data folder. */
public final class LocalInfrastructure implements AutoCloseable {

    static final String ORDERS_DATABASE = "orders";
    static final String BLOCKCHAIN_DATABASE = "blockchain";

    /**
     * Each service's database and the role that owns it and everything in it: the service connects as that role, and
     * Flyway migrates as it, so no service holds the superuser's password or can reach another's tables.
     */
    static final Map<String, String> DATABASE_OWNERS =
            Map.of(ORDERS_DATABASE, "order_service", BLOCKCHAIN_DATABASE, "blockchain_service");

    /** A user name and its password: a service's login to its database or to Redis. */
    public record Login(String username, String password) {}
    /**
     * As many as the owning services declare for their topics (order- and blockchain-service: 6). Fewer, and a service
     * would add partitions at its start, under consumers that joined before: they would not read the new partitions
     * until their next metadata refresh, and keys would move to other partitions mid-flight.
     */
    static final int PARTITIONS = 6;

    /** The launcher's own Kafka user: it creates the topics, the services' users and their ACLs. */
    static final String KAFKA_SUPER_USER = "platform-admin";

    private final List<AutoCloseable> started = new ArrayList<>();
    private LocalCredentials credentials;
    private PostgresServer postgres;
    private RedisServer redis;
    private KafkaBroker kafka;
    private AnvilChain anvil;
    private ChainSetup.Deployments deployments;

    private LocalInfrastructure() {}

    static LocalInfrastructure start(PlatformSettings settings) {
        LocalInfrastructure infrastructure = new LocalInfrastructure();
        try {
            infrastructure.startAll(settings);
            return infrastructure;
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
    }

    private void startAll(PlatformSettings settings) {
        Path data = settings.dataDir();
        Ports ports = settings.ports();
        credentials = LocalCredentials.in(data);
        postgres = remember(startPostgres(ports.postgres(), data.resolve("postgres"), credentials));
        redis = remember(startRedis(ports.redis(), data.resolve("redis"), credentials));
        kafka = remember(startKafka(ports.kafka(), data.resolve("kafka"), credentials));
        createTopics(kafka);
        KafkaAccess.apply(kafka, kafkaPasswords(credentials));
        anvil = remember(
                AnvilChain.start(ports.anvil(), settings.blockTimeSeconds(), data.resolve("anvil-state.json")));
        deployments = ChainSetup.ensureDeployed(anvil, data.resolve("contracts.properties"));
    }

    /** PostgreSQL as the launcher runs it: SCRAM for every login, each service's database owned by its own role. */
    static PostgresServer startPostgres(int port, Path dataDir, LocalCredentials credentials) {
        PostgresServer server =
                PostgresServer.startWithPasswords(port, dataDir, credentials.password("postgres.postgres"));
        try {
            DATABASE_OWNERS.forEach((database, role) -> {
                server.createServiceRole(role, credentials.password("postgres." + role));
                server.createDatabaseOwnedBy(database, role);
            });
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Redis as the launcher runs it: the default user off, a user per service limited to its keys or channels. */
    static RedisServer startRedis(int port, Path dataDir, LocalCredentials credentials) {
        return RedisServer.startWithUsers(port, dataDir, RedisAccess.users(credentials));
    }

    static Login databaseLogin(LocalCredentials credentials, String database) {
        String role = DATABASE_OWNERS.get(database);
        if (role == null) {
            throw new IllegalArgumentException("No service owns a database named " + database);
        }
        return new Login(role, credentials.password("postgres." + role));
    }

    /** The broker as the launcher runs it: SASL on its listener, the ACL authorizer, the launcher its super user. */
    static KafkaBroker startKafka(int port, Path dataDir, LocalCredentials credentials) {
        return KafkaBroker.startWithSasl(
                port, dataDir, new KafkaSasl(KAFKA_SUPER_USER, credentials.password("kafka." + KAFKA_SUPER_USER)));
    }

    static Map<String, String> kafkaPasswords(LocalCredentials credentials) {
        return KafkaAccess.GRANTS.stream()
                .map(KafkaAccess.Grant::user)
                .collect(Collectors.toMap(user -> user, user -> credentials.password("kafka." + user)));
    }

    /** Topics and their dead-letter topics exist before any service starts, with the partitions consumers scale on. */
    static void createTopics(KafkaBroker kafka) {
        try (Admin admin = Admin.create(kafka.superUserClientConfig())) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream()
                    .flatMap(topic -> List.of(topic, Topics.deadLetter(topic)).stream())
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, PARTITIONS, (short) 1))
                    .toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create the Kafka topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the Kafka topics", e);
        }
    }

    private <T extends AutoCloseable> T remember(T server) {
        started.add(server);
        return server;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public RedisServer redis() {
        return redis;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** The role {@code database}'s service connects as. */
    public Login databaseLogin(String database) {
        return databaseLogin(credentials, database);
    }

    /** The Redis user {@code service} logs in as. */
    public Login redisLogin(String service) {
        if (!RedisAccess.RULES.containsKey(service)) {
            throw new IllegalArgumentException("No Redis user for " + service);
        }
        return new Login(service, credentials.password("redis." + service));
    }

    /** The Spring Kafka settings that log {@code service} in as its own Kafka user. */
    public Map<String, String> kafkaEnvironment(String service) {
        return KafkaAccess.environment(service, credentials.password("kafka." + service));
    }

    public AnvilChain anvil() {
        return anvil;
    }

    public ChainSetup.Deployments deployments() {
        return deployments;
    }

    /** Stops in reverse order of start; one server failing to stop does not keep the others running. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("Could not stop " + started.get(i) + ": " + e.getMessage());
            }
        }
        started.clear();
    }
}
