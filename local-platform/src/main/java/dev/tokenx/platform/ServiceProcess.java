package dev.tokenx.platform;

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
import java.util.concurrent.TimeUnit;

/** A service's Spring Boot jar run as a child JVM, with its output in a log file. */
final class ServiceProcess implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final ServiceSpec spec;
    private final Process process;
    private final Path log;

    private ServiceProcess(ServiceSpec spec, Process process, Path log) {
        this.spec = spec;
        this.process = process;
        this.log = log;
    }

    static ServiceProcess start(ServiceSpec spec, PlatformSettings settings) {
        Path jar = settings.repoRoot().resolve(spec.module()).resolve("target").resolve(spec.module() + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: build the services first (./mvnw -B install -DskipTests)");
        }
        Path log = settings.logDir().resolve(spec.module() + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(settings.serviceJavaOpts().trim().split("\\s+")));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(spec.environment());
        builder.environment().put("SERVER_PORT", Integer.toString(spec.port()));
        try {
            Files.createDirectories(log.getParent());
            return new ServiceProcess(spec, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + spec.module(), e);
        }
    }

    String module() {
        return spec.module();
    }

    int port() {
        return spec.port();
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    /** Waits for {@code /actuator/health} to answer 200; a service that dies meanwhile fails at once. */
    void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(spec.module() + " exited with " + process.exitValue() + "; see " + log);
            }
            if (isHealthy()) {
                return;
            }
            pause();
        }
        throw new IllegalStateException(spec.module() + " was not healthy within " + timeout + "; see " + log);
    }

    private boolean isHealthy() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(spec.healthUrl()))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + spec.module(), e);
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
