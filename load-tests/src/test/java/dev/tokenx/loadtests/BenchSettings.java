package dev.tokenx.loadtests;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * What one run of the place-order benchmark does, read from {@code -Dbench.*} system properties (the Gatling Maven
 * plugin passes the command line's {@code -D} options on to the Gatling JVM).
 *
 * @param shape {@code open}: a fixed arrival rate; {@code saturation}: a fixed number of users sending back to back
 * @param ratePerSecond orders per second of the open shape's measured phase
 * @param concurrency users of the saturation shape, each sending its next order as soon as the last one is answered
 * @param warmUp before the measured phase, reported apart as "place order (warm-up)": JIT, pools, the KYC cache
 * @param duration the measured phase
 * @param investors benchmark investors the orders are spread over, round robin
 * @param gatewayUrl where the orders go; loopback only
 * @param jdbcUrl the order service's database, where the investors are seeded; loopback only
 */
record BenchSettings(
        Shape shape,
        int ratePerSecond,
        int concurrency,
        Duration warmUp,
        Duration duration,
        int investors,
        URI gatewayUrl,
        String jdbcUrl,
        String databaseUser,
        String databasePassword,
        TokenSettings tokens) {

    enum Shape {
        OPEN,
        SATURATION
    }

    /** The local token issuer's settings, as in gateway-service's application-local.yml; the secret is for dev only. */
    record TokenSettings(String secret, String issuer, String audience) {}

    static final String LOCAL_DEV_JWT_SECRET = "local-dev-only-secret-change-me-0123456789abcdef";

    BenchSettings {
        requireAtLeast("bench.rate", ratePerSecond, 1);
        requireAtLeast("bench.concurrency", concurrency, 1);
        requireAtLeast("bench.investors", investors, 1);
        if (investors > 99_999) {
            throw new IllegalArgumentException("bench.investors must be at most 99999, got " + investors);
        }
        if (duration.isZero() || duration.isNegative() || warmUp.isNegative()) {
            throw new IllegalArgumentException("bench.duration must be positive and bench.warmup not negative");
        }
        if (tokens.secret().length() < 32) {
            throw new IllegalArgumentException("The JWT secret must have at least 32 bytes for HS256");
        }
        Loopback.require("bench.gatewayUrl", gatewayUrl);
        Loopback.require("bench.jdbcUrl", jdbcUri(jdbcUrl));
    }

    static BenchSettings from(Properties properties, Map<String, String> environment) {
        String secret = properties.getProperty(
                "bench.jwtSecret", environment.getOrDefault("TOKENX_JWT_SECRET", LOCAL_DEV_JWT_SECRET));
        return new BenchSettings(
                shape(properties.getProperty("bench.shape", "open")),
                integer(properties, "bench.rate", 500),
                integer(properties, "bench.concurrency", 64),
                Duration.ofSeconds(integer(properties, "bench.warmup", 15)),
                Duration.ofSeconds(integer(properties, "bench.duration", 60)),
                integer(properties, "bench.investors", 1_000),
                URI.create(properties.getProperty("bench.gatewayUrl", "http://localhost:8080")),
                properties.getProperty("bench.jdbcUrl", "jdbc:postgresql://127.0.0.1:15432/orders"),
                // order-service's own role, which owns the orders database on the local platform.
                properties.getProperty("bench.dbUser", "order_service"),
                properties.getProperty(
                        "bench.dbPassword",
                        LocalPlatformCredentials.read(environment).getProperty("postgres.order_service", "")),
                new TokenSettings(
                        secret,
                        properties.getProperty(
                                "bench.jwtIssuer", environment.getOrDefault("TOKENX_JWT_ISSUER", "tokenx-local")),
                        properties.getProperty(
                                "bench.jwtAudience", environment.getOrDefault("TOKENX_JWT_AUDIENCE", "tokenx-api"))));
    }

    /** Long enough for every token to outlive the run, whatever its length. */
    Duration tokenLifetime() {
        return warmUp.plus(duration).plus(Duration.ofMinutes(30));
    }

    /** One line for the console and the report. */
    String describe() {
        String load = shape == Shape.OPEN
                ? "open model, " + ratePerSecond + " orders/s"
                : "saturation, closed model with " + concurrency + " concurrent users";
        return "%s; warm-up %d s, measured %d s; %d investors; gateway %s"
                .formatted(load, warmUp.toSeconds(), duration.toSeconds(), investors, gatewayUrl);
    }

    private static URI jdbcUri(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("bench.jdbcUrl must be a jdbc:postgresql:// URL, got " + jdbcUrl);
        }
        return URI.create(jdbcUrl.substring("jdbc:".length()));
    }

    private static Shape shape(String value) {
        try {
            return Shape.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bench.shape must be open or saturation, got " + value, e);
        }
    }

    private static int integer(Properties properties, String name, int defaultValue) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got " + value, e);
        }
    }

    private static void requireAtLeast(String name, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", got " + value);
        }
    }
}
