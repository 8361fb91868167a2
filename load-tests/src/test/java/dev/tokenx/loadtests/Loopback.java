package dev.tokenx.loadtests;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark seeds investors straight into the database and floods the gateway: it may only ever aim at this
 * machine. Host names other than {@code localhost} are refused without a DNS look-up, so a name that resolves
 * elsewhere can never slip through.
 */
final class Loopback {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private Loopback() {}

    /** @return the URI, when its host is {@code localhost}, an address in 127.0.0.0/8 or {@code [::1]} */
    static URI require(String what, URI uri) {
        String host = uri.getHost();
        if (host == null || !isLoopback(host.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(what + " must point at this machine (localhost, 127.0.0.0/8 or [::1]):"
                    + " the benchmarks are a harness for the local platform only, got " + uri);
        }
        return uri;
    }

    private static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        Matcher ipv4 = IPV4.matcher(host);
        if (ipv4.matches()) {
            return isLoopbackIpv4(ipv4);
        }
        return host.startsWith("[") && host.endsWith("]") && isLoopbackIpv6(host);
    }

    private static boolean isLoopbackIpv4(Matcher octets) {
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(octets.group(i)) > 255) {
                return false;
            }
        }
        return Integer.parseInt(octets.group(1)) == 127;
    }

    /** A bracketed IPv6 literal is parsed, never looked up: an invalid one throws instead. */
    private static boolean isLoopbackIpv6(String bracketed) {
        try {
            return InetAddress.getByName(bracketed).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
