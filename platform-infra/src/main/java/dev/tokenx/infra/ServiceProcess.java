package dev.tokenx.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service's executable Spring Boot jar run as a child JVM, configured by environment variables as in production,
 * with its output in a log file. Used by the local platform and by tests that need another service for real.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String module;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String module, int port, Process process, Path log) {
        this.module = module;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code <repoRoot>/<module>/target/<module>.jar} on {@code port}.
     *
     * @param javaOptions JVM options, whitespace separated
     * @param environment the service's configuration; {@code SERVER_PORT} is set from {@code port}
     */
    public static ServiceProcess start(
            Path repoRoot, String module, int port, Map<String, String> environment, String javaOptions, Path log) {
        Path jar = repoRoot.resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: build the services first (./mvnw -B install -DskipTests)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(javaOptions.trim().split("\\s+")));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        try {
            Files.createDirectories(log.getParent());
            return new ServiceProcess(module, port, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + module, e);
        }
    }

    public String module() {
        return module;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    /** Waits for {@code /actuator/health} to answer 200; a service that dies meanwhile fails at once. */
    public void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with " + process.exitValue() + "; see " + log);
            }
            if (isHealthy()) {
                return;
            }
            pause();
        }
        throw new IllegalStateException(module + " was not healthy within " + timeout + "; see " + log);
    }

    private boolean isHealthy() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + module, e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a service", e);
        }
    }

    /** SIGTERM first, so Spring drains in-flight requests and Kafka consumers commit; force only after a grace. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
