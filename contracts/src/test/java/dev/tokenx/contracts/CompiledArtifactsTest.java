package dev.tokenx.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed ABI and bytecode are exactly what the pinned solcjs (root package.json) makes of the
 * Solidity source, so nobody can change one without the other. The flags and the source path, relative
 * to the repository root, are those of scripts/compile-contracts.sh: solc hashes the path into the
 * metadata at the end of the bytecode.
 */
class CompiledArtifactsTest {

    private static final String CONTRACT = "AssetToken";
    private static final Path SOLCJS = Path.of("node_modules", ".bin", "solcjs");
    private static final String REGENERATE = "scripts/compile-contracts.sh";

    @Test
    void committed_abi_and_bytecode_are_what_the_pinned_solc_compiles_from_the_source() throws Exception {
        Path module = Path.of("").toAbsolutePath();
        Path root = repositoryRoot(module);
        String source = root.relativize(module.resolve("src/main/solidity/" + CONTRACT + ".sol"))
                .toString()
                .replace(File.separatorChar, '/');
        Path out = recreate(module.resolve("target/solc"));

        String output = run(
                root,
                List.of(root.resolve(SOLCJS).toString(), "--bin", "--abi", "--optimize", "-o", out.toString(), source));

        String prefix = source.replace('/', '_').replace('.', '_') + "_" + CONTRACT;
        for (String extension : List.of("abi", "bin")) {
            Path generated = out.resolve(prefix + "." + extension);
            assertThat(generated).as("solcjs output:%n%s", output).exists();
            Path committed = module.resolve("src/main/resources/dev/tokenx/contracts/" + CONTRACT + "." + extension);
            assertThat(Arrays.equals(Files.readAllBytes(committed), Files.readAllBytes(generated)))
                    .withFailMessage(
                            "%s is not what solcjs compiles from %s (see %s). Run %s from the repository root and commit the result.",
                            root.relativize(committed), source, generated, REGENERATE)
                    .isTrue();
        }
    }

    private static Path repositoryRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve(SOLCJS))) {
                return dir;
            }
        }
        return fail(
                "No %s in %s or above it: run `npm ci` at the repository root (scripts/npm-tools.sh does).",
                SOLCJS, start);
    }

    private static String run(Path directory, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("solcjs did not finish within 2 minutes: %s", command);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s%n%s", command, output).isZero();
        return output;
    }

    private static Path recreate(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(directory);
    }
}
