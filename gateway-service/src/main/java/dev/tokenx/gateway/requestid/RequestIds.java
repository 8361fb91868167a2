package dev.tokenx.gateway.requestid;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id rule of the platform: the edge keeps a caller's {@code X-Request-Id} only when it is short and
 * harmless (it ends up in logs and in other services' headers), and otherwise stamps a fresh UUID.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {}

    public static String acceptOrGenerate(String candidate) {
        if (candidate != null && SAFE.matcher(candidate).matches()) {
            return candidate;
        }
        return UUID.randomUUID().toString();
    }
}
