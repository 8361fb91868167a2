package dev.tokenx.loadtests;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The passwords the local platform generated for its infrastructure ({@code credentials.properties} in its data
 * folder: {@code TOKENX_DATA_DIR}, else {@code .local-platform} at the repository root), so that a benchmark reaches
 * the database and the broker of the platform {@code ./run-local.sh} runs. Empty when there is no such file.
 */
final class LocalPlatformCredentials {

    static final String FILE_NAME = "credentials.properties";

    private LocalPlatformCredentials() {}

    static Properties read(Map<String, String> environment) {
        Path file = dataDir(environment).resolve(FILE_NAME);
        Properties credentials = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                credentials.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the local platform's credentials in " + file, e);
            }
        }
        return credentials;
    }

    private static Path dataDir(Map<String, String> environment) {
        String configured = environment.get("TOKENX_DATA_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("local-platform"))) {
                return dir.resolve(".local-platform");
            }
        }
        return Path.of(".local-platform");
    }
}
