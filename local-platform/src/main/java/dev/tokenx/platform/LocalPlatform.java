package dev.tokenx.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code run-local.sh [--clean]} runs this: it starts real Kafka, PostgreSQL, Redis and an
 * anvil chain, then every service with demo data, prints where everything runs, and stops it all on Ctrl-C.
 */
public final class LocalPlatform {

    private LocalPlatform() {}

    public static void main(String[] args) throws InterruptedException {
        List<String> options = List.of(args);
        if (options.contains("--help")) {
            System.out.println("Usage: run-local.sh [--clean]   (--clean deletes the local data folder first)");
            return;
        }
        PlatformSettings settings = PlatformSettings.fromEnvironment(System.getenv(), Path.of(""));
        if (options.contains("--clean")) {
            deleteRecursively(settings.dataDir());
            System.out.println("Deleted " + settings.dataDir() + ": starting from a clean slate.");
        }
        System.out.println("Starting the platform; data in " + settings.dataDir() + ", logs in " + settings.logDir());
        RunningPlatform platform = RunningPlatform.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the platform...");
            platform.close();
            System.out.println("Stopped. Data kept in " + settings.dataDir());
            stopped.countDown();
        }));
        System.out.println(Banner.of(platform));
        stopped.await();
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    Files.delete(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + dir, e);
        }
    }
}
