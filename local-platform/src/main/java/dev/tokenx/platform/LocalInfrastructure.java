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
        postgres = remember(PostgresServer.start(ports.postgres(), data.resolve("postgres")));
        postgres.createDatabase(ORDERS_DATABASE);
        postgres.createDatabase(BLOCKCHAIN_DATABASE);
        redis = remember(RedisServer.start(ports.redis(), data.resolve("redis")));
        kafka = remember(startKafka(ports.kafka(), data.resolve("kafka"), credentials));
        createTopics(kafka);
        KafkaAccess.apply(kafka, kafkaPasswords(credentials));
        anvil = remember(
                AnvilChain.start(ports.anvil(), settings.blockTimeSeconds(), data.resolve("anvil-state.json")));
        deployments = ChainSetup.ensureDeployed(anvil, data.resolve("contracts.properties"));
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
