package dev.tokenx.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Everything the launcher needs to know, read once from the environment (locally) or built by a test.
 *
 * @param repoRoot where the services' jars are built ({@code <module>/target/<module>.jar})
 * @param dataDir where PostgreSQL, Redis, Kafka and the chain keep their data between runs, and the logs
 * @param serviceJavaOpts JVM options of each service, sized so the whole platform fits in 3 GB
 * @param jwtSecret the HMAC secret of the local token issuer; dev only, production uses an external issuer
 */
public record PlatformSettings(
        Path repoRoot,
        Path dataDir,
        Ports ports,
        String serviceJavaOpts,
        String jwtSecret,
        int blockTimeSeconds,
        Duration startTimeout) {

    static final String DEFAULT_JAVA_OPTS =
            "-Xms64m -Xmx192m -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:+UseSerialGC"
                    + " -XX:+ExitOnOutOfMemoryError --enable-native-access=ALL-UNNAMED";

    /** Dev-only default, the same one each service's application-local.yml carries (local mode only). */
    static final String LOCAL_JWT_SECRET = "local-dev-only-secret-change-me-0123456789abcdef";

    static PlatformSettings fromEnvironment(Map<String, String> env, Path workingDir) {
        Path root = findRepoRoot(workingDir);
        return new PlatformSettings(
                root,
                Path.of(env.getOrDefault(
                                "TOKENX_DATA_DIR",
                                root.resolve(".local-platform").toString()))
                        .toAbsolutePath(),
                Ports.fromEnvironment(env),
                env.getOrDefault("TOKENX_SERVICE_JAVA_OPTS", DEFAULT_JAVA_OPTS),
                env.getOrDefault("TOKENX_JWT_SECRET", LOCAL_JWT_SECRET),
                1,
                Duration.ofMinutes(3));
    }

    /** Free ports and a scratch data folder, so a test platform never collides with a running one. */
    public static PlatformSettings forTests(Path repoRoot, Path dataDir) {
        return new PlatformSettings(
                repoRoot, dataDir, Ports.free(), DEFAULT_JAVA_OPTS, LOCAL_JWT_SECRET, 1, Duration.ofMinutes(4));
    }

    public String gatewayUrl() {
        return "http://localhost:" + ports.gateway();
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    /** The folder holding the root pom and mvnw, searched upwards so the launcher runs from any module. */
    public static Path findRepoRoot(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("order-service"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run the launcher from inside the repository: no mvnw found above " + start);
    }
}
