package dev.tokenx.testkit;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** Fresh databases on the shared PostgreSQL, so that test classes never see each other's rows. */
public final class TestDatabases {

    private static final int MAX_PREFIX_LENGTH = 40;
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private TestDatabases() {}

    /**
     * Creates a new, empty database and returns its name: the prefix made SQL-safe (lower case,
     * letters, digits and underscores) plus a number unique in this JVM, for example
     * {@code orders_3}. Starts PostgreSQL if it is not running yet.
     */
    public static String create(String prefix) {
        String name = safe(prefix) + "_" + SEQUENCE.incrementAndGet();
        Infrastructure.postgres().createDatabase(name);
        return name;
    }

    private static String safe(String prefix) {
        String cleaned = prefix == null ? "" : prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (cleaned.isEmpty() || Character.isDigit(cleaned.charAt(0))) {
            cleaned = "db_" + cleaned;
        }
        return cleaned.length() > MAX_PREFIX_LENGTH ? cleaned.substring(0, MAX_PREFIX_LENGTH) : cleaned;
    }
}
