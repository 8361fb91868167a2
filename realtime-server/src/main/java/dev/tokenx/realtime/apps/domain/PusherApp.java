package dev.tokenx.realtime.apps.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One Pusher "app": the id the HTTP API is addressed by, the public key WebSocket clients connect with, and
 * the secret both sides sign with. The secret never leaves this class: callers ask it to sign or to check a
 * signature, so it cannot end up in a log line or a response by accident.
 */
public final class PusherApp {

    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private final String id;
    private final String key;
    private final SecretKeySpec secret;
    private final boolean enabled;

    public PusherApp(String id, String key, String secret, boolean enabled) {
        this.id = requireText(id, "id");
        this.key = requireText(key, "key");
        this.secret = new SecretKeySpec(requireText(secret, "secret").getBytes(StandardCharsets.UTF_8), HMAC_SHA256);
        this.enabled = enabled;
    }

    public String id() {
        return id;
    }

    public String key() {
        return key;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The lowercase hex HMAC-SHA256 of the text under the app secret, as every Pusher signature is made. */
    public String sign(String text) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(secret);
            return HEX.formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // Every JDK ships HmacSHA256 and the key is a plain byte array, so this is a broken runtime.
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Whether the signature is this app's signature of the text; compared in constant time. */
    public boolean hasSigned(String text, String signature) {
        return signature != null && constantTimeEquals(sign(text), signature.toLowerCase(Locale.ROOT));
    }

    /**
     * Checks the {@code auth} field of a private-channel subscription: {@code <key>:<hex HMAC-SHA256 of
     * "<socket_id>:<channel_name>">}.
     */
    public SubscriptionAuth checkSubscription(String socketId, String channelName, String auth) {
        if (auth == null || auth.isBlank()) {
            return SubscriptionAuth.MISSING;
        }
        int colon = auth.indexOf(':');
        if (colon < 0) {
            return SubscriptionAuth.MALFORMED;
        }
        if (!constantTimeEquals(key, auth.substring(0, colon))) {
            return SubscriptionAuth.WRONG_KEY;
        }
        return hasSigned(socketId + ":" + channelName, auth.substring(colon + 1))
                ? SubscriptionAuth.AUTHORIZED
                : SubscriptionAuth.WRONG_SIGNATURE;
    }

    /**
     * {@link MessageDigest#isEqual} takes the same time whatever the position of the first difference, so a
     * caller cannot find a valid signature byte by byte from response times. Only the length leaks, and every
     * hex HMAC-SHA256 has the same length.
     */
    static boolean constantTimeEquals(String expected, String actual) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    private static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException("A Pusher app needs a non-blank " + name);
        }
        return value;
    }

    @Override
    public String toString() {
        return "PusherApp[id=" + id + ", key=" + key + ", enabled=" + enabled + "]";
    }
}
