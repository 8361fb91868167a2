package dev.tokenx.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClasspathTest {

    @TempDir
    Path folder;

    private String originalClassPath;

    @BeforeEach
    void rememberClassPath() {
        originalClassPath = System.getProperty("java.class.path");
    }

    @AfterEach
    void restoreClassPath() {
        System.setProperty("java.class.path", originalClassPath);
    }

    @Test
    void expands_a_manifest_only_jar_and_swaps_the_logging_backend_for_log4j() throws IOException {
        Path library = emptyJar(folder.resolve("repo/library-1.0.jar"), null);
        Path logback = emptyJar(folder.resolve("repo/logback-classic-1.5.34.jar"), null);
        Path bridge = emptyJar(folder.resolve("repo/log4j-to-slf4j-2.25.4.jar"), null);
        Path booter = emptyJar(
                folder.resolve("surefire/surefirebooter.jar"),
                "../repo/library-1.0.jar ../repo/logback-classic-1.5.34.jar " + bridge.toUri());
        System.setProperty("java.class.path", booter.toString());

        List<Path> classpath = KafkaClasspath.build(folder.resolve("lib"));

        assertThat(classpath)
                .contains(library.normalize())
                .doesNotContain(booter, logback, bridge)
                .startsWith(
                        folder.resolve("lib/log4j-api.jar"),
                        folder.resolve("lib/log4j-core.jar"),
                        folder.resolve("lib/log4j-slf4j2-impl.jar"));
        assertThat(folder.resolve("lib/log4j-slf4j2-impl.jar")).isNotEmptyFile();
        assertThat(classpath)
                .anySatisfy(entry -> assertThat(entry.getFileName().toString()).startsWith("kafka_2.13-"))
                .anySatisfy(entry -> assertThat(entry.getFileName().toString()).startsWith("scala-library-"));
    }

    private static Path emptyJar(Path jar, String classPath) throws IOException {
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }
}
