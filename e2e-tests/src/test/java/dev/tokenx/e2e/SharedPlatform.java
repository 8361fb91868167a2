package dev.tokenx.e2e;

import dev.tokenx.platform.PlatformSettings;
import dev.tokenx.platform.RunningPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the whole local platform once per test JVM, however many classes use it: starting it takes minutes, and the
 * journeys do not need a fresh one. The platform lives in the root context's store, which closes it (services, then
 * servers) and removes its data folder when the last test has run. A test method or {@code @BeforeAll} method asks for
 * it with a {@link RunningPlatform} parameter, or for its {@link PlatformEndpoints}. The services' logs are kept in {@code target/platform-logs}, for the
 * story of a failed journey.
 */
final class SharedPlatform implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPlatform.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RunningPlatform.class || type == PlatformEndpoints.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningPlatform platform = context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(Started.class, key -> Started.start(), Started.class)
                .platform();
        if (parameter.getParameter().getType() == PlatformEndpoints.class) {
            return new PlatformEndpoints(
                    URI.create(platform.gatewayUrl()),
                    platform.infrastructure().anvil().rpcUrl());
        }
        return platform;
    }

    /** Closed by JUnit with the root context, as every {@link AutoCloseable} in a store is. */
    private record Started(RunningPlatform platform, Path dataDir) implements AutoCloseable {

        static Started start() {
            Path dataDir = createDataDir();
            try {
                Path repoRoot = PlatformSettings.findRepoRoot(Path.of(""));
                return new Started(RunningPlatform.start(PlatformSettings.forTests(repoRoot, dataDir)), dataDir);
            } catch (RuntimeException e) {
                delete(dataDir);
                throw e;
            }
        }

        private static final Path KEPT_LOGS = Path.of("target", "platform-logs");

        @Override
        public void close() {
            try {
                platform.close();
            } finally {
                keepLogs(platform.settings().logDir());
                delete(dataDir);
            }
        }

        private static void keepLogs(Path logDir) {
            try (Stream<Path> logs = Files.list(logDir)) {
                Files.createDirectories(KEPT_LOGS);
                for (Path log : logs.toList()) {
                    Files.copy(log, KEPT_LOGS.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not keep the logs of " + logDir, e);
            }
        }

        private static Path createDataDir() {
            try {
                return Files.createTempDirectory("tokenx-e2e-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void delete(Path dir) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not remove " + dir, e);
            }
        }
    }
}
