package dev.tokenx.gateway.support;

import dev.tokenx.infra.FreePorts;
import dev.tokenx.infra.ServiceProcess;
import dev.tokenx.testkit.Infrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The real realtime-server (its executable jar, built before this module) as a child process on a free port,
 * relaying through the test kit's Redis, with one Pusher app.
 */
public final class RealtimeServer implements AutoCloseable {

    public static final String APP_ID = "gateway-test";
    public static final String APP_KEY = "gateway-test-key";
    public static final String APP_SECRET = "gateway-test-secret";

    private static final String JAVA_OPTIONS =
            "-Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto --enable-native-access=ALL-UNNAMED";
    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final ServiceProcess process;

    private RealtimeServer(ServiceProcess process) {
        this.process = process;
    }

    /** Starts the process without waiting, so that its JVM boots while the gateway's context does. */
    public static RealtimeServer start() {
        Path repoRoot = repoRoot();
        ServiceProcess process = ServiceProcess.start(
                repoRoot,
                "realtime-server",
                FreePorts.pick(),
                Map.of(
                        "REALTIME_REDIS_ADDRESS", Infrastructure.redis().uri(),
                        "REALTIME_APP_ID", APP_ID,
                        "REALTIME_APP_KEY", APP_KEY,
                        "REALTIME_APP_SECRET", APP_SECRET),
                JAVA_OPTIONS,
                repoRoot.resolve("gateway-service/target/realtime-server-test.log"));
        return new RealtimeServer(process);
    }

    public void awaitHealthy() {
        process.awaitHealthy(STARTUP);
    }

    public int port() {
        return process.port();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + process.port();
    }

    @Override
    public void close() {
        process.close();
    }

    private static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("realtime-server"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "Not inside the repository: no mvnw above " + Path.of("").toAbsolutePath());
    }
}
