package dev.tokenx.infra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/**
 * The class path of the broker's child JVM: the Kafka jars this JVM already has, minus its logging
 * backend, plus Log4j with its SLF4J binding (without one the broker logs nothing).
 *
 * <p>Those Log4j jars travel inside platform-infra as resources rather than as dependencies: on
 * the class path of a Spring Boot service they would compete with Logback. The rest is read from
 * {@code java.class.path}, expanded through manifest {@code Class-Path} entries because Surefire may
 * start tests with a manifest-only jar, and from the URLs of any {@link URLClassLoader} above us
 * (for runners that load the application in their own class loader).
 */
final class KafkaClasspath {

    private static final String LOGGING_RESOURCES = "kafka-logging/";
    private static final List<String> LOGGING_JARS =
            List.of("log4j-api.jar", "log4j-core.jar", "log4j-slf4j2-impl.jar");

    /** Backends that would win over, or loop with, the broker's Log4j binding. */
    private static final Pattern FOREIGN_LOGGING = Pattern.compile("(logback-(classic|core)"
            + "|log4j-(api|core|to-slf4j|slf4j-impl|slf4j2-impl)"
            + "|slf4j-(simple|nop|jdk14|jdk-platform-logging|reload4j|log4j12))-\\d.*\\.jar");

    private static final List<Class<?>> REQUIRED = List.of(
            KafkaBrokerMain.class,
            kafka.Kafka.class,
            kafka.tools.StorageTool.class,
            org.apache.kafka.common.Uuid.class,
            scala.Predef.class);

    private KafkaClasspath() {}

    /** Builds the class path, writing the logging jars into {@code libDirectory}. */
    static List<Path> build(Path libDirectory) {
        Set<Path> entries = new LinkedHashSet<>(extractLoggingJars(libDirectory));
        Set<Path> visited = new HashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                addExpanded(Path.of(entry).toAbsolutePath().normalize(), entries, visited);
            }
        }
        for (ClassLoader loader = KafkaClasspath.class.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urlLoader) {
                for (URL url : urlLoader.getURLs()) {
                    toPath(url).ifPresent(path -> addExpanded(path, entries, visited));
                }
            }
        }
        for (Class<?> required : REQUIRED) {
            entries.add(codeSource(required));
        }
        return new ArrayList<>(entries);
    }

    private static List<Path> extractLoggingJars(Path libDirectory) {
        ChildProcesses.createDirectories(libDirectory);
        List<Path> jars = new ArrayList<>();
        for (String name : LOGGING_JARS) {
            Path target = libDirectory.resolve(name);
            try (InputStream jar = KafkaClasspath.class.getResourceAsStream(LOGGING_RESOURCES + name)) {
                if (jar == null) {
                    throw new IllegalStateException("platform-infra was built without its resource " + LOGGING_RESOURCES
                            + name + " (maven-dependency-plugin copies it): rebuild the module");
                }
                Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + target, e);
            }
            jars.add(target);
        }
        return jars;
    }

    private static void addExpanded(Path entry, Set<Path> entries, Set<Path> visited) {
        if (!visited.add(entry) || !Files.exists(entry)) {
            return;
        }
        if (Files.isDirectory(entry)) {
            entries.add(entry);
            return;
        }
        if (FOREIGN_LOGGING.matcher(entry.getFileName().toString()).matches()) {
            return;
        }
        List<Path> manifestEntries = manifestClassPath(entry);
        // A manifest-only ("pathing") jar is replaced by what it lists, or the child JVM would
        // follow its Class-Path and bring the filtered logging jars back.
        if (manifestEntries.isEmpty() || containsClasses(entry)) {
            entries.add(entry);
        }
        manifestEntries.forEach(listed -> addExpanded(listed, entries, visited));
    }

    private static List<Path> manifestClassPath(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath =
                    manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath == null || classPath.isBlank()) {
                return List.of();
            }
            List<Path> listed = new ArrayList<>();
            for (String token : classPath.trim().split("\\s+")) {
                try {
                    listed.add(Path.of(jar.getParent().toUri().resolve(token)).normalize());
                } catch (IllegalArgumentException | FileSystemNotFoundException unusable) {
                    // Not a local file (for example an http URL): nothing a child JVM could use.
                }
            }
            return listed;
        } catch (IOException notAJar) {
            return List.of();
        }
    }

    private static boolean containsClasses(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().anyMatch(entry -> entry.getName().endsWith(".class"));
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> toPath(URL url) {
        try {
            return "file".equals(url.getProtocol())
                    ? Optional.of(Path.of(url.toURI()).toAbsolutePath().normalize())
                    : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Path codeSource(Class<?> type) {
        URL location = type.getProtectionDomain().getCodeSource() == null
                ? null
                : type.getProtectionDomain().getCodeSource().getLocation();
        return (location == null ? Optional.<Path>empty() : toPath(location))
                .orElseThrow(() -> new IllegalStateException("The Kafka broker needs " + type.getName()
                        + " in a plain jar or folder, but it comes from " + location
                        + " (a nested jar of a fat jar?). Run with a normal class path, for example through Maven."));
    }
}
