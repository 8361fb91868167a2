package dev.tokenx.notifications.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the tests run in: the nearest folder up from the working directory that holds {@code mvnw}. */
final class RepositoryRoot {

    private RepositoryRoot() {}

    static Path find() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("mvnw"))) {
                return folder;
            }
        }
        throw new IllegalStateException(
                "No folder holding mvnw above " + Path.of("").toAbsolutePath());
    }
}
