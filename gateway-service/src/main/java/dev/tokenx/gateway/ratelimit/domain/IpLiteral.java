package dev.tokenx.gateway.ratelimit.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses IP address literals only: a host name is never looked up, whatever a client puts in a header. */
final class IpLiteral {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private IpLiteral() {}

    static Optional<InetAddress> parse(String text) {
        String candidate = unbracketed(text.trim());
        if (!IPV4.matcher(candidate).matches() && !IPV6.matcher(candidate).matches()) {
            return Optional.empty();
        }
        try {
            // A literal of either form is converted without any name service lookup.
            return Optional.of(InetAddress.getByName(candidate));
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }

    private static String unbracketed(String text) {
        return text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    }
}
