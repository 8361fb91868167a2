package dev.tokenx.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the anvil executable that {@code npm ci} installs from the root package.json. */
final class AnvilBinary {

    static final String OVERRIDE = "TOKENX_ANVIL_BIN";
    private static final Path PACKAGE = Path.of("node_modules", "@foundry-rs", "anvil-linux-amd64");

    private AnvilBinary() {}

    /**
     * The system property or environment variable {@value #OVERRIDE} first; otherwise the npm
     * package in the nearest {@code node_modules} from the working directory upwards, so that it is
     * found from the repository root and from any module folder Maven runs tests in.
     */
    static Path locate() {
        String override = Optional.ofNullable(System.getProperty(OVERRIDE)).orElse(System.getenv(OVERRIDE));
        if (override != null && !override.isBlank()) {
            Path binary = Path.of(override);
            if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
                throw new IllegalStateException(
                        OVERRIDE + " points at " + binary + ", which is not an executable file");
            }
            return binary;
        }
        List<Path> searched = new ArrayList<>();
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path packageDir = dir.resolve(PACKAGE);
            searched.add(packageDir);
            Optional<Path> binary = executableIn(packageDir);
            if (binary.isPresent()) {
                return binary.get();
            }
        }
        throw new IllegalStateException("The anvil binary is missing. Run `npm ci` in the repository root (needs"
                + " Node.js 20+; it installs @foundry-rs/anvil-linux-amd64 from package.json), or set "
                + OVERRIDE + " to an anvil executable. Searched: " + searched);
    }

    /** The package keeps its binary under bin/ today; search the package rather than trust that. */
    private static Optional<Path> executableIn(Path packageDir) {
        if (!Files.isDirectory(packageDir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(packageDir, 3)) {
            return files.filter(file -> file.getFileName().toString().equals("anvil"))
                    .filter(Files::isRegularFile)
                    .filter(Files::isExecutable)
                    .findFirst()
                    .map(AnvilBinary::realPath);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot search " + packageDir, e);
        }
    }

    private static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
