package dev.tokenx.e2e;

import dev.tokenx.infra.FreePorts;
import dev.tokenx.platform.PlatformSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * docker-compose.yml with its demo override docker-compose.demo.yml (the demo users and their money, which the story
 * logs in as), started through Testcontainers (the {@code docker compose} of the machine) once per test JVM, with the
 * documented values of {@code .env.example}, a fresh random value for each secret it leaves empty (the services
 * refuse to start without secrets of their own), and the gateway published on a free port; stopped, with its
 * volumes, when the last test has run. The images are built from the jars that the reactor's earlier modules left in
 * their {@code target} folders. A test or {@code @BeforeAll} method asks for it with a {@link PlatformEndpoints}
 * parameter; the chain, which compose does not publish, is reached through Testcontainers' ambassador.
 */
final class ComposePlatform implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ComposePlatform.class);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Building six images and starting eleven containers the first time takes a while. */
    private static final Duration STARTUP = Duration.ofMinutes(15);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PlatformEndpoints.class;
    }

    @Override
    public PlatformEndpoints resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(Started.class, key -> Started.start(), Started.class)
                .endpoints();
    }

    /** Closed by JUnit with the root context, as every {@link AutoCloseable} in a store is. */
    private record Started(ComposeContainer compose, PlatformEndpoints endpoints) implements AutoCloseable {

        static Started start() {
            Path repository = PlatformSettings.findRepoRoot(Path.of(""));
            int gatewayPort = FreePorts.pick();
            Map<String, String> environment = documentedEnvironment(repository.resolve(".env.example"));
            environment.put("GATEWAY_PORT", String.valueOf(gatewayPort));
            ComposeContainer compose = new ComposeContainer(
                            repository.resolve("docker-compose.yml").toFile(),
                            repository.resolve("docker-compose.demo.yml").toFile())
                    .withEnv(environment)
                    .withBuild(true)
                    .withRemoveVolumes(true)
                    .withStartupTimeout(STARTUP)
                    .withExposedService("anvil", 8545, Wait.forListeningPort())
                    .waitingFor("gateway-service", Wait.forHealthcheck().withStartupTimeout(STARTUP));
            compose.start();
            String chain =
                    "http://" + compose.getServiceHost("anvil", 8545) + ":" + compose.getServicePort("anvil", 8545);
            return new Started(compose, new PlatformEndpoints(URI.create("http://127.0.0.1:" + gatewayPort), chain));
        }

        @Override
        public void close() {
            compose.stop();
        }

        /** NAME=value lines, a generated secret where the value is empty; comments and blank lines skipped. */
        private static Map<String, String> documentedEnvironment(Path envExample) {
            Map<String, String> environment = new LinkedHashMap<>();
            try {
                for (String line : Files.readAllLines(envExample)) {
                    String entry = line.strip();
                    int equals = entry.indexOf('=');
                    if (!entry.isEmpty() && !entry.startsWith("#") && equals > 0) {
                        String value = entry.substring(equals + 1);
                        environment.put(entry.substring(0, equals), value.isEmpty() ? aSecret() : value);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + envExample, e);
            }
            return environment;
        }

        /** As {@code openssl rand -base64 48} makes one, which .env.example recommends. */
        private static String aSecret() {
            byte[] bytes = new byte[48];
            RANDOM.nextBytes(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }
    }
}
