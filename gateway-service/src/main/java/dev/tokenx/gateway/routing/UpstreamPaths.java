package dev.tokenx.gateway.routing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.web.util.UriUtils;

/**
 * Which upstream paths the edge refuses to send. The services' management endpoints ({@code /actuator/**}) are
 * for operators on the internal network only, and no public route leads there. Dot segments and encodings could
 * still walk a routed path onto them, as an upstream may decode and normalise what the edge forwarded, so any
 * path with a dot segment or an {@code actuator} segment in any spelling is refused.
 */
final class UpstreamPaths {

    private static final int MAX_DECODING_ROUNDS = 3;

    private UpstreamPaths() {}

    static boolean isForbidden(String rawPath) {
        String path = decodeFully(rawPath);
        if (path == null) {
            return true;
        }
        return Arrays.stream(path.split("[/\\\\]"))
                .map(UpstreamPaths::withoutMatrixParameters)
                .anyMatch(segment -> segment.equals(".")
                        || segment.equals("..")
                        || segment.toLowerCase(Locale.ROOT).equals("actuator"));
    }

    /** Decodes until stable, so that double-encoded segments are seen as an upstream that decodes twice would. */
    private static String decodeFully(String rawPath) {
        String current = rawPath;
        for (int round = 0; round < MAX_DECODING_ROUNDS; round++) {
            String decoded;
            try {
                decoded = UriUtils.decode(current, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return null;
            }
            if (decoded.equals(current)) {
                return decoded;
            }
            current = decoded;
        }
        return current.contains("%") ? null : current;
    }

    /** Spring matches {@code /actuator;x=y/env} as {@code /actuator/env}: compare segments without their parameters. */
    private static String withoutMatrixParameters(String segment) {
        int semicolon = segment.indexOf(';');
        return semicolon < 0 ? segment : segment.substring(0, semicolon);
    }
}
