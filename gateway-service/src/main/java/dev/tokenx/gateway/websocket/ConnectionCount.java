package dev.tokenx.gateway.websocket;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Open sessions, per instance and per client address; an address with none is forgotten. */
final class ConnectionCount {

    enum Admission {
        ADMITTED,
        ADDRESS_FULL,
        INSTANCE_FULL
    }

    private final int maxConnections;
    private final int maxPerAddress;
    private final AtomicInteger total = new AtomicInteger();
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();

    ConnectionCount(int maxConnections, int maxPerAddress) {
        this.maxConnections = maxConnections;
        this.maxPerAddress = maxPerAddress;
    }

    /** Counts the session in, or not at all. */
    Admission open(String address) {
        if (total.incrementAndGet() > maxConnections) {
            total.decrementAndGet();
            return Admission.INSTANCE_FULL;
        }
        boolean[] admitted = {false};
        perAddress.compute(address, (key, open) -> {
            int current = open == null ? 0 : open;
            if (current >= maxPerAddress) {
                return open;
            }
            admitted[0] = true;
            return current + 1;
        });
        if (!admitted[0]) {
            total.decrementAndGet();
            return Admission.ADDRESS_FULL;
        }
        return Admission.ADMITTED;
    }

    void close(String address) {
        perAddress.computeIfPresent(address, (key, open) -> open <= 1 ? null : open - 1);
        total.decrementAndGet();
    }

    int open() {
        return total.get();
    }
}
