package dev.tokenx.realtime.support;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs HTTP API requests with a chosen timestamp, which pusher-http-java cannot: it always signs with the
 * current time. Made from the HTTP API reference, independently of the server's code; the tests that accept a
 * request signed here show that both agree.
 */
public final class SignedRequests {

    private static final HexFormat HEX = HexFormat.of();

    private SignedRequests() {}

    public static URI signedAt(int port, TestApps.TestApp app, String path, String body, Instant timestamp) {
        Map<String, String> params = new TreeMap<>();
        params.put("auth_key", app.key());
        params.put("auth_timestamp", Long.toString(timestamp.getEpochSecond()));
        params.put("auth_version", "1.0");
        params.put("body_md5", md5Hex(body));
        String signed = params.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("&"));
        String signature = hmacSha256Hex(app.secret(), "POST\n" + path + "\n" + signed);
        String query = signed + "&auth_signature=" + URLEncoder.encode(signature, StandardCharsets.UTF_8);
        return URI.create("http://127.0.0.1:" + port + path + "?" + query);
    }

    private static String md5Hex(String body) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmacSha256Hex(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
