package dev.tokenx.gateway.ratelimit.domain;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds the address a request really came from. {@code X-Forwarded-For} is believed only as far as trusted
 * proxies wrote it: reading from the right (the entry the nearest proxy appended), each trusted proxy vouches for
 * the entry to its left, and the first address that is not a trusted proxy is the client. A client that talks to
 * the edge directly can write anything in that header, so then the header is ignored and the peer is the client.
 *
 * <p>An IPv6 client is counted by its /64 prefix ({@link #keyOf}): one subscriber line or host usually holds a
 * whole /64 and can pick a new address in it for every request.
 */
public final class ClientAddressResolver {

    private static final int IPV6_BYTES = 16;
    private static final int IPV6_PREFIX_BYTES = 8;

    private final List<AddressRange> trustedProxies;

    public ClientAddressResolver(List<AddressRange> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    public static ClientAddressResolver trusting(List<String> cidrs) {
        return new ClientAddressResolver(cidrs.stream()
                .filter(cidr -> !cidr.isBlank())
                .map(AddressRange::parse)
                .toList());
    }

    /**
     * @param peer the address of the TCP connection's other end
     * @param forwardedFor every {@code X-Forwarded-For} field value, in the order received
     */
    public InetAddress clientOf(InetAddress peer, List<String> forwardedFor) {
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = forwardedFor.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(hop -> !hop.isEmpty())
                .toList();
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpLiteral.parse(hops.get(i));
            if (hop.isEmpty()) {
                // A trusted proxy wrote something that is no address: trust nothing further left of it.
                return client;
            }
            client = hop.get();
            if (!isTrusted(client)) {
                return client;
            }
        }
        return client;
    }

    /** The client's address as the rate limiter counts it: an IPv4 address itself, an IPv6 address's /64. */
    public String keyOf(InetAddress peer, List<String> forwardedFor) {
        return keyOf(clientOf(peer, forwardedFor));
    }

    static String keyOf(InetAddress client) {
        if (!(client instanceof Inet6Address)) {
            return client.getHostAddress();
        }
        byte[] prefix = Arrays.copyOf(client.getAddress(), IPV6_BYTES);
        Arrays.fill(prefix, IPV6_PREFIX_BYTES, IPV6_BYTES, (byte) 0);
        try {
            return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("16 bytes are always an IPv6 address", impossible);
        }
    }

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }
}
