package dev.tokenx.gateway.ratelimit.domain;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds the address a request really came from. {@code X-Forwarded-For} is believed only as far as trusted
 * proxies wrote it: reading from the right (the entry the nearest proxy appended), each trusted proxy vouches for
 * the entry to its left, and the first address that is not a trusted proxy is the client. A client that talks to
 * the edge directly can write anything in that header, so then the header is ignored and the peer is the client.
 */
public final class ClientAddressResolver {

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

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }
}
