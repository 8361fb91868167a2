package dev.tokenx.infra;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final Thread shutdownHook;
    private Process process;
    private boolean closed;

    private KafkaBroker(int port, Path dataDir, boolean temporary) {
        this.port = port;
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.shutdownHook = ChildProcesses.onShutdown("kafka-" + port + "-stop", this::stopForGood);
    }

    /**
     * Starts a broker and waits until it answers an admin client.
     *
     * @param dataDir folder for the configuration, logs and partitions, kept between runs (the
     *     storage is formatted on first start only); {@code null} for a temporary one
     */
    public static KafkaBroker start(int port, Path dataDir) {
        Path directory = dataDir == null
                ? ChildProcesses.createTempDirectory("tokenx-kafka-")
                : ChildProcesses.createDirectories(dataDir.toAbsolutePath());
        KafkaBroker broker = new KafkaBroker(port, directory, dataDir == null);
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
        settings.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
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

    private Path write(String fileName, String content) {
        Path file = dataDir.resolve(fileName);
        try {
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Ready means the cluster can be described: the broker is registered with its controller. */
    private void awaitReady(Path logFile) {
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
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
