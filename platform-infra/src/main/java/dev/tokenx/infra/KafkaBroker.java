package dev.tokenx.infra;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), run as a
 * child JVM from the Kafka jars on this JVM's class path, listening on 127.0.0.1.
 *
 * <p>The data folder holds {@code server.properties}, the Log4j configuration, the broker's log
 * ({@code broker.log}) and the partitions ({@code kraft-combined-logs}). {@link #stop()} and
 * {@link #start()} take the broker down and back up on the same port and data, for outage tests.
 *
 * <p>Started with {@link KafkaSasl} (the local platform), its one listener accepts only authenticated clients and the
 * {@code StandardAuthorizer} denies whatever no ACL allows; without (the test kit), it is plaintext and open.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final String HEAP = "-Xmx384m";
    private static final String MAIN_CLASS = KafkaBrokerMain.class.getName();

    /** Everything to stdout, which goes to broker.log; the chattiest loggers only above INFO. */
    private static final String LOG4J_CONFIG = """
            status = warn
            appender.stdout.type = Console
            appender.stdout.name = STDOUT
            appender.stdout.layout.type = PatternLayout
            appender.stdout.layout.pattern = [%d] %p %m (%c)%n
            rootLogger.level = INFO
            rootLogger.appenderRef.stdout.ref = STDOUT
            logger.state.name = state.change.logger
            logger.state.level = WARN
            logger.request.name = kafka.request.logger
            logger.request.level = WARN
            logger.authorizer.name = kafka.authorizer.logger
            logger.authorizer.level = WARN
            """;

    private final int port;
    private final Path dataDir;
    private final boolean temporary;
    /** {@code null}: plaintext, no authorizer. */
    private final KafkaSasl sasl;

    private final Thread shutdownHook;
    private Process process;
    private boolean closed;

    private KafkaBroker(int port, Path dataDir, boolean temporary, KafkaSasl sasl) {
        this.port = port;
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.sasl = sasl;
        this.shutdownHook = ChildProcesses.onShutdown("kafka-" + port + "-stop", this::stopForGood);
    }

    /**
     * Starts a broker and waits until it answers an admin client.
     *
     * @param dataDir folder for the configuration, logs and partitions, kept between runs (the
     *     storage is formatted on first start only); {@code null} for a temporary one
     */
    public static KafkaBroker start(int port, Path dataDir) {
        return start(port, dataDir, null);
    }

    /**
     * Starts a broker whose listener authenticates every client (SASL) and whose authorizer allows only what an ACL
     * grants; the super user may do anything, and creates the service users and their ACLs.
     *
     * @param dataDir as for {@link #start(int, Path)}
     */
    public static KafkaBroker startWithSasl(int port, Path dataDir, KafkaSasl sasl) {
        return start(port, dataDir, Objects.requireNonNull(sasl, "sasl"));
    }

    private static KafkaBroker start(int port, Path dataDir, KafkaSasl sasl) {
        Path directory = dataDir == null
                ? ChildProcesses.createTempDirectory("tokenx-kafka-")
                : ChildProcesses.createDirectories(dataDir.toAbsolutePath());
        KafkaBroker broker = new KafkaBroker(port, directory, dataDir == null, sasl);
        try {
            broker.start();
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /**
     * The configuration of an admin client (or any client) acting as the super user: {@code bootstrap.servers}, plus
     * the SASL settings when the broker has them.
     */
    public Map<String, Object> superUserClientConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        if (sasl != null) {
            config.putAll(sasl.superUserClient());
        }
        return config;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the broker again (same port, same data) after {@link #stop()}; no-op if it runs. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("Kafka broker on port " + port + " was closed");
        }
        if (isRunning()) {
            return;
        }
        ChildProcesses.requirePortFree(port, "Kafka");
        Path config = writeServerProperties();
        Path logFile = dataDir.resolve("broker.log");
        try {
            process = new ProcessBuilder(command(config))
                    .directory(dataDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Kafka broker JVM", e);
        }
        awaitReady(logFile);
        log.info("Kafka broker listening on {}, data in {}", bootstrapServers(), dataDir);
    }

    /** Stops the broker (SIGTERM: a controlled shutdown) and waits for it to exit; data is kept. */
    public synchronized void stop() {
        if (process != null) {
            ChildProcesses.terminate(process, STOP_GRACE);
            process = null;
        }
    }

    /** Stops the broker; a temporary data folder is deleted, a given one is kept. */
    @Override
    public void close() {
        ChildProcesses.cancelShutdownHook(shutdownHook);
        stopForGood();
    }

    private synchronized void stopForGood() {
        closed = true;
        stop();
        if (temporary) {
            ChildProcesses.deleteRecursively(dataDir);
        }
    }

    private List<String> command(Path config) {
        Path log4jConfig = write("log4j2.properties", LOG4J_CONFIG);
        String classpath = KafkaClasspath.build(dataDir.resolve("lib")).stream()
                .map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
        // An argument file, because a long class path can exceed the kernel's limit for one argument.
        Path classpathFile = write("classpath.args", "-cp \"" + classpath.replace("\\", "\\\\") + "\"\n");
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP,
                "-Xms128m",
                "-XX:+UseG1GC",
                "-XX:MaxGCPauseMillis=20",
                "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true",
                "--enable-native-access=ALL-UNNAMED",
                "-Dlog4j2.configurationFile=" + log4jConfig,
                // Kafka logs its own shutdown; Log4j's hook would close the appender before it does.
                "-Dlog4j2.shutdownHookEnabled=false",
                "@" + classpathFile,
                MAIN_CLASS,
                Long.toString(ProcessHandle.current().pid()),
                config.toString(),
                clusterId());
    }

    /** The formatter insists on the id already in the storage; a new storage gets a new one. */
    private String clusterId() {
        Path meta = logDirectory().resolve("meta.properties");
        if (!Files.exists(meta)) {
            return Uuid.randomUuid().toString();
        }
        Properties stored = new Properties();
        try (Reader reader = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
            stored.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + meta, e);
        }
        return stored.getProperty("cluster.id");
    }

    private Path logDirectory() {
        return dataDir.resolve("kraft-combined-logs");
    }

    /**
     * The controller listener gets a fresh free port at every start: with a static voter set its
     * address lives only in this file, so nothing stored depends on it.
     */
    private Path writeServerProperties() {
        int controllerPort = FreePorts.pick();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", "1");
        settings.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        String listener = sasl == null ? "PLAINTEXT" : "SASL_PLAINTEXT";
        settings.put("listeners", listener + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        settings.put("advertised.listeners", listener + "://127.0.0.1:" + port);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", listener);
        settings.put("listener.security.protocol.map", listener + ":" + listener + ",CONTROLLER:" + listener);
        if (sasl != null) {
            settings.putAll(saslSettings(sasl));
        }
        settings.put("log.dirs", logDirectory().toString());
        settings.put("num.partitions", "3");
        settings.put("default.replication.factor", "1");
        settings.put("min.insync.replicas", "1");
        settings.put("auto.create.topics.enable", "true");
        settings.put("offsets.topic.replication.factor", "1");
        // Fewer internal partitions than the default 50: created faster on first use, plenty for one node.
        settings.put("offsets.topic.num.partitions", "10");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("transaction.state.log.num.partitions", "10");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("group.initial.rebalance.delay.ms", "0");
        String content = settings.entrySet().stream()
                .map(setting -> setting.getKey() + "=" + setting.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        return write("server.properties", content);
    }

    /**
     * The client listener takes the services' SCRAM users and the super user's PLAIN login; the controller listener
     * only the super user, which the broker itself logs in as (towards its controller and, between brokers, itself).
     * Without an ACL nothing is allowed, and the super user needs none.
     */
    private static Map<String, String> saslSettings(KafkaSasl sasl) {
        String plain = KafkaSasl.SUPER_USER_MECHANISM;
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("listener.name.sasl_plaintext.sasl.enabled.mechanisms", KafkaSasl.SCRAM_MECHANISM + "," + plain);
        settings.put(
                "listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        settings.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", sasl.plainServerJaas());
        settings.put("sasl.mechanism.inter.broker.protocol", plain);
        settings.put("listener.name.controller.sasl.enabled.mechanisms", plain);
        settings.put("listener.name.controller.plain.sasl.jaas.config", sasl.plainServerJaas());
        settings.put("sasl.mechanism.controller.protocol", plain);
        settings.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        settings.put("allow.everyone.if.no.acl.found", "false");
        settings.put("super.users", "User:" + sasl.superUser());
        return settings;
    }

    private Path write(String fileName, String content) {
        Path file = dataDir.resolve(fileName);
        try {
            // Owner only: server.properties holds the super user's password when the broker has SASL.
            return Files.setPosixFilePermissions(
                    Files.writeString(file, content, StandardCharsets.UTF_8),
                    PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Ready means the cluster can be described: the broker is registered with its controller. */
    private void awaitReady(Path logFile) {
        Map<String, Object> adminConfig = superUserClientConfig();
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        adminConfig.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        Exception lastFailure = null;
        try (Admin admin = Admin.create(adminConfig)) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw notReady("the broker JVM exited with code " + process.exitValue(), logFile, lastFailure);
                }
                try {
                    if (!admin.describeCluster()
                            .nodes()
                            .get(3, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    lastFailure = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Kafka", e);
                }
            }
        }
        ChildProcesses.terminate(process, STOP_GRACE);
        throw notReady("the broker did not answer within " + STARTUP_TIMEOUT.toSeconds() + " s", logFile, lastFailure);
    }

    private IllegalStateException notReady(String reason, Path logFile, Exception lastFailure) {
        return new IllegalStateException(
                "Kafka on " + bootstrapServers() + " is not ready: " + reason + ". Last lines of " + logFile + ":"
                        + System.lineSeparator() + ChildProcesses.tail(logFile, 40),
                lastFailure);
    }
}
