package dev.tokenx.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.core.ExecutableProvider;

/**
 * A real redis-server (the binary shipped in codemonstur embedded-redis) bound to 127.0.0.1.
 *
 * <p>The process is run here rather than through the library's {@code RedisServer}, which stops
 * reading the server's output once it is up: this way every line goes to {@code redis.log}. With a
 * data folder the server keeps an append-only file there (fsync every second); without one nothing
 * is persisted. Started with {@link RedisUsers} (the local platform), only its users can log in, each with its own
 * rules; without (the test kit), the {@code default} user may do anything without a password.
 */
public final class RedisServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisServer.class);

    private static final String HOST = "127.0.0.1";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(25);

    private static Path executable;

    private final int port;
    private final Path directory;
    private final boolean temporary;
    /** {@code null}: the {@code default} user, no password. */
    private final RedisUsers users;

    private final Thread shutdownHook;
    private Process process;
    private boolean closed;

    private RedisServer(int port, Path directory, boolean temporary, RedisUsers users) {
        this.port = port;
        this.directory = directory;
        this.temporary = temporary;
        this.users = users;
        this.shutdownHook = ChildProcesses.onShutdown("redis-" + port + "-stop", this::stopForGood);
    }

    /**
     * Starts a server.
     *
     * @param dataDir folder for the append-only file, kept between runs; {@code null} for no
     *     persistence at all
     */
    public static RedisServer start(int port, Path dataDir) {
        return start(port, dataDir, null);
    }

    /**
     * Starts a server that only {@code users} can log in to (the {@code default} user is off), each limited to its
     * rules. The ACL is written into the configuration at every start, so a restart applies a changed one.
     *
     * @param dataDir as for {@link #start(int, Path)}
     */
    public static RedisServer startWithUsers(int port, Path dataDir, RedisUsers users) {
        return start(port, dataDir, Objects.requireNonNull(users, "users"));
    }

    private static RedisServer start(int port, Path dataDir, RedisUsers users) {
        Path directory = dataDir == null
                ? ChildProcesses.createTempDirectory("tokenx-redis-")
                : ChildProcesses.createDirectories(dataDir.toAbsolutePath());
        RedisServer server = new RedisServer(port, directory, dataDir == null, users);
        try {
            server.launch();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public int port() {
        return port;
    }

    public String host() {
        return HOST;
    }

    public String uri() {
        return "redis://" + HOST + ":" + port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the server (SIGTERM: the append-only file is flushed); {@link #restart()} brings it back. */
    public synchronized void stop() {
        if (process != null) {
            ChildProcesses.terminate(process, STOP_GRACE);
            process = null;
        }
    }

    /** Starts the server again on the same port and data, stopping it first if it still runs. */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("Redis on port " + port + " was closed");
        }
        stop();
        launch();
    }

    /** Stops the server; a temporary folder is deleted, a data folder is kept. */
    @Override
    public void close() {
        ChildProcesses.cancelShutdownHook(shutdownHook);
        stopForGood();
    }

    private synchronized void stopForGood() {
        closed = true;
        stop();
        if (temporary) {
            ChildProcesses.deleteRecursively(directory);
        }
    }

    private void launch() {
        ChildProcesses.requirePortFree(port, "Redis");
        Path config = writeConfig();
        Path logFile = directory.resolve("redis.log");
        try {
            process = new ProcessBuilder(executable().toString(), config.toString())
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run redis-server", e);
        }
        awaitPong(logFile);
        log.info("Redis listening on {}, folder {}", uri(), directory);
    }

    private Path writeConfig() {
        List<String> lines = new ArrayList<>(List.of(
                "bind " + HOST,
                "port " + port,
                "protected-mode yes",
                "daemonize no",
                "logfile \"\"",
                "dir " + quoted(directory.toString()),
                "save \"\"",
                "appendonly " + (temporary ? "no" : "yes"),
                "appendfilename \"appendonly.aof\"",
                "appendfsync everysec"));
        if (users != null) {
            lines.addAll(users.configLines());
        }
        Path config = directory.resolve("redis.conf");
        try {
            // Owner only: with users it holds their passwords.
            return Files.setPosixFilePermissions(
                    Files.write(config, lines, StandardCharsets.UTF_8), PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + config, e);
        }
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Ready means answering PING; while it replays the append-only file it answers -LOADING. */
    private void awaitPong(Path logFile) {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw notReady("redis-server exited with code " + process.exitValue(), logFile);
            }
            if (answersPong()) {
                return;
            }
            ChildProcesses.sleep(POLL_INTERVAL);
        }
        ChildProcesses.terminate(process, STOP_GRACE);
        throw notReady("Redis did not answer PING within " + STARTUP_TIMEOUT.toSeconds() + " s", logFile);
    }

    private boolean answersPong() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            if (users != null) {
                out.write(("AUTH " + users.admin() + " " + users.adminPassword() + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String answer = in.readLine();
                if (!"+OK".equals(answer)) {
                    // -LOADING while the append-only file replays; anything else does not pass with time either.
                    return false;
                }
            }
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return "+PONG".equals(in.readLine());
        } catch (IOException notYet) {
            return false;
        }
    }

    private IllegalStateException notReady(String reason, Path logFile) {
        return new IllegalStateException(reason + " (port " + port + "). Last lines of " + logFile + ":"
                + System.lineSeparator() + ChildProcesses.tail(logFile, 30));
    }

    /** The library writes its bundled binary out on each call; do it once per JVM. */
    private static synchronized Path executable() {
        if (executable == null) {
            Path folder = ChildProcesses.createTempDirectory("tokenx-redis-bin-");
            folder.toFile().deleteOnExit();
            try {
                executable = ExecutableProvider.newJarResourceProvider(folder.toFile())
                        .get()
                        .toPath();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot unpack the redis-server binary", e);
            }
        }
        return executable;
    }
}
