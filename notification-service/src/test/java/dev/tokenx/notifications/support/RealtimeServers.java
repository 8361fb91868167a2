package dev.tokenx.notifications.support;

import dev.tokenx.infra.FreePorts;
import dev.tokenx.infra.ServiceProcess;
import dev.tokenx.testkit.Infrastructure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The real realtime-server, its executable jar run as a child JVM (built before these tests: see the pom), hosting
 * {@link TestApp} and fanning out through the test kit's Redis. One instance is shared by every test class of the JVM
 * and stopped when the JVM exits; a test that needs a server of its own starts one with {@link #start(int)} and closes
 * it.
 */
public final class RealtimeServers {

    private static final String MODULE = "realtime-server";
    private static final Duration STARTUP = Duration.ofSeconds(90);
    // Small and quick to start: a test server holds a handful of connections.
    private static final String JAVA_OPTIONS =
            "-Xmx160m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto --enable-native-access=ALL-UNNAMED";

    private static ServiceProcess shared;

    private RealtimeServers() {}

    /** The shared instance, started on first use. */
    public static synchronized ServiceProcess shared() {
        if (shared == null) {
            ServiceProcess started = start(FreePorts.pick());
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-shared-realtime-server"));
            shared = started;
        }
        return shared;
    }

    /** A new instance on {@code port}, healthy when this returns; the caller closes it. */
    public static ServiceProcess start(int port) {
        Path repoRoot = RepositoryRoot.find();
        Path log = repoRoot.resolve("notification-service/target/realtime-server-" + port + ".log");
        ServiceProcess server = ServiceProcess.start(
                repoRoot,
                MODULE,
                port,
                Map.of(
                        "REALTIME_APP_ID", TestApp.ID,
                        "REALTIME_APP_KEY", TestApp.KEY,
                        "REALTIME_APP_SECRET", TestApp.SECRET,
                        "REALTIME_REDIS_ADDRESS", Infrastructure.redis().uri()),
                JAVA_OPTIONS,
                log);
        try {
            server.awaitHealthy(STARTUP);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** {@code host:port}, as {@code NOTIFICATIONS_PUSHER_HOST} takes it. */
    public static String hostOf(ServiceProcess server) {
        return "127.0.0.1:" + server.port();
    }
}
