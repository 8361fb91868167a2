package dev.tokenx.secrets;

import java.util.Set;

/**
 * Secret values that are public because this repository publishes them (the {@code application-local.yml} files,
 * the local launcher, {@code .env.example} as it once was, the READMEs): a deployment that uses one protects
 * nothing. Every development value the repository writes starts with {@code local-dev-only}, apart from the
 * realtime app secret that pusher-js demos and the launcher share.
 */
public final class PublishedSecrets {

    /** The HS256 key the local platform's gateway signs tokens with and every service verifies them with. */
    public static final String JWT_SECRET = "local-dev-only-secret-change-me-0123456789abcdef";

    /** The local Pusher app's secret: realtime-server hosts the app, notification-service signs with it. */
    public static final String REALTIME_APP_SECRET = "tokenx-local-secret";

    private static final String DEVELOPMENT_PREFIX = "local-dev-only";

    private static final Set<String> OTHERS = Set.of(REALTIME_APP_SECRET);

    private PublishedSecrets() {}

    public static boolean isPublished(String value) {
        String candidate = value.strip();
        return candidate.startsWith(DEVELOPMENT_PREFIX) || OTHERS.contains(candidate);
    }
}
