package dev.tokenx.gateway.ratelimit.domain;

import java.net.InetAddress;

/** A CIDR block such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is a block of one. */
public record AddressRange(InetAddress network, int prefixLength) {

    public AddressRange {
        int bits = network.getAddress().length * Byte.SIZE;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("Prefix length " + prefixLength + " out of 0.." + bits);
        }
    }

    public static AddressRange parse(String cidr) {
        String[] parts = cidr.trim().split("/", 2);
        InetAddress network = IpLiteral.parse(parts[0])
                .orElseThrow(() -> new IllegalArgumentException("Not an IP address or CIDR block: " + cidr));
        int bits = network.getAddress().length * Byte.SIZE;
        int prefixLength;
        try {
            prefixLength = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : bits;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not an IP address or CIDR block: " + cidr, e);
        }
        return new AddressRange(network, prefixLength);
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] prefix = network.getAddress();
        if (candidate.length != prefix.length) {
            return false;
        }
        int fullBytes = prefixLength / Byte.SIZE;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != prefix[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % Byte.SIZE;
        if (remainingBits == 0) {
            return true;
        }
        int mask = (0xFF << (Byte.SIZE - remainingBits)) & 0xFF;
        return (candidate[fullBytes] & mask) == (prefix[fullBytes] & mask);
    }
}
