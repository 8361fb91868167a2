package dev.tokenx.realtime.events.domain;

import dev.tokenx.realtime.apps.domain.PusherApp;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An HTTP API request as Pusher authenticates it (HTTP API reference, "Generating authentication
 * signatures"): the query carries {@code auth_key}, {@code auth_timestamp}, {@code auth_version=1.0},
 * {@code body_md5} and {@code auth_signature}, the hex HMAC-SHA256 under the app secret of
 * {@code METHOD\npath\n} followed by every other query parameter, keys lowercased and sorted, joined as
 * {@code k=v&k=v} without URL encoding.
 */
public final class SignedRequest {

    /** How far the signer's clock may be from this server's, as Pusher allows. */
    public static final Duration TIMESTAMP_TOLERANCE = Duration.ofSeconds(600);

    private static final String SIGNATURE = "auth_signature";
    private static final HexFormat HEX = HexFormat.of();

    private final String method;
    private final String path;
    private final Map<String, List<String>> query;
    private final byte[] body;

    /**
     * @param query the decoded query parameters as received, every value of every key
     * @param body the raw request body: its MD5 is part of what was signed
     */
    public SignedRequest(String method, String path, Map<String, List<String>> query, byte[] body) {
        this.method = method;
        this.path = path;
        this.query = Map.copyOf(query);
        this.body = body.clone();
    }

    /**
     * Checks that the app signed this request, recently, over exactly this body.
     *
     * @throws RequestNotAuthenticated naming the first rule the request breaks
     */
    public void verify(PusherApp app, Instant now) {
        Map<String, String> params = singleValuedLowercase();
        if (!app.key().equals(required(params, "auth_key"))) {
            throw new RequestNotAuthenticated("Unknown auth_key: it is not the key of app " + app.id());
        }
        String version = required(params, "auth_version");
        if (!"1.0".equals(version)) {
            throw new RequestNotAuthenticated("Unsupported auth_version " + version + "; use 1.0");
        }
        String toSign = stringToSign(params);
        if (!app.hasSigned(toSign, required(params, SIGNATURE))) {
            throw new RequestNotAuthenticated("Invalid signature: expected HMAC SHA256 hex digest of "
                    + toSign.replace("\n", "\\n") + " under the app secret");
        }
        verifyTimestamp(required(params, "auth_timestamp"), now);
        verifyBodyMd5(params.get("body_md5"));
    }

    private Map<String, String> singleValuedLowercase() {
        Map<String, String> params = new TreeMap<>();
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            String key = entry.getKey().toLowerCase(Locale.ROOT);
            // A repeated key would make the signed string ambiguous.
            if (entry.getValue().size() != 1
                    || params.putIfAbsent(key, entry.getValue().getFirst()) != null) {
                throw new RequestNotAuthenticated("Query parameter " + key + " is given more than once");
            }
        }
        return params;
    }

    private String stringToSign(Map<String, String> sortedParams) {
        String signedParams = sortedParams.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(SIGNATURE))
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("&"));
        return method.toUpperCase(Locale.ROOT) + "\n" + path + "\n" + signedParams;
    }

    private static void verifyTimestamp(String timestamp, Instant now) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException notANumber) {
            throw new RequestNotAuthenticated("auth_timestamp must be seconds since the epoch, not " + timestamp);
        }
        long skew = Math.abs(now.getEpochSecond() - seconds);
        if (skew > TIMESTAMP_TOLERANCE.toSeconds()) {
            throw new RequestNotAuthenticated("Timestamp expired: given timestamp " + seconds + " is not within "
                    + TIMESTAMP_TOLERANCE.toSeconds() + " s of server time " + now.getEpochSecond());
        }
    }

    private void verifyBodyMd5(String bodyMd5) {
        if (body.length == 0 && bodyMd5 == null) {
            return;
        }
        if (bodyMd5 == null) {
            throw new RequestNotAuthenticated("body_md5 is required with a request body");
        }
        if (!MessageDigest.isEqual(
                md5Hex(body).getBytes(StandardCharsets.US_ASCII),
                bodyMd5.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw new RequestNotAuthenticated("body_md5 does not match the MD5 of the request body");
        }
    }

    private static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw new RequestNotAuthenticated("Missing query parameter " + name);
        }
        return value;
    }

    private static String md5Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            // Every JDK ships MD5.
            throw new IllegalStateException("MD5 is not available", e);
        }
    }
}
