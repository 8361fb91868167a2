package dev.tokenx.gateway.ratelimit.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses IP address literals only: a host name is never looked up, whatever a client puts in a header. Proxies
 * may append the client's port ({@code 203.0.113.7:4711}, {@code [2001:db8::1]:4711}, as RFC 7239 writes a node):
 * the port is dropped, the address kept.
 */
final class IpLiteral {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3})(?::\\d{1,5})?");
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[([0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)](?::\\d{1,5})?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private IpLiteral() {}

    static Optional<InetAddress> parse(String text) {
        return literalOf(text.trim()).flatMap(IpLiteral::convert);
    }

    private static Optional<String> literalOf(String text) {
        Matcher ipv4 = IPV4.matcher(text);
        if (ipv4.matches()) {
            return Optional.of(ipv4.group(1));
        }
        Matcher bracketed = BRACKETED_IPV6.matcher(text);
        if (bracketed.matches()) {
            return Optional.of(bracketed.group(1));
        }
        return IPV6.matcher(text).matches() ? Optional.of(text) : Optional.empty();
    }

    private static Optional<InetAddress> convert(String literal) {
        try {
            // A literal of either form is converted without any name service lookup.
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }
}
