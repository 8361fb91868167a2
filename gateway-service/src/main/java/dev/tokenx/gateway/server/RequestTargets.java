package dev.tokenx.gateway.server;

import java.net.URI;
import java.net.URISyntaxException;

/** Whether a request target is a URI that Spring can build its request from. */
final class RequestTargets {

    /** RFC 3986 unreserved, sub-delims, {@code : @ / ?} and {@code %} (checked separately). */
    private static final boolean[] PLAIN = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            PLAIN[c] = true;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            PLAIN[c] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            PLAIN[c] = true;
        }
        for (char c : "-._~!$&'()*+,;=:@/?".toCharArray()) {
            PLAIN[c] = true;
        }
    }

    private RequestTargets() {}

    static boolean isUri(String target) {
        int length = target.length();
        for (int i = 0; i < length; i++) {
            char c = target.charAt(i);
            if (c == '%') {
                if (i + 2 >= length || !isHex(target.charAt(i + 1)) || !isHex(target.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (c >= PLAIN.length || !PLAIN[c]) {
                return parses(target);
            }
        }
        return true;
    }

    /** The rare target with other characters: exactly the rule Spring applies when it builds the request's URI. */
    private static boolean parses(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException notAUri) {
            return false;
        }
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
