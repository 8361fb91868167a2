package dev.tokenx.gateway.ratelimit.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The limits of one route: its tier's quota per user (when the request carries a verified token) and per client
 * address, over one window.
 *
 * @param userLimit requests per window for one user
 * @param ipLimit requests per window from one client address; 0 switches the address limit off (only for load
 *     tests where every simulated user shares one address)
 */
public record RoutePolicy(String route, Tier tier, int userLimit, int ipLimit, Duration window, OutageMode outageMode) {

    public RoutePolicy {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(outageMode, "outageMode");
        if (userLimit < 1 || ipLimit < 0) {
            throw new IllegalArgumentException("Limits must be positive (an address limit may be 0 for none)");
        }
    }

    /** User first, then address: the order of the {@code RateLimit} field's members. */
    public List<Limit> limitsFor(Optional<String> userId, String clientAddress) {
        List<Limit> limits = new ArrayList<>(2);
        userId.ifPresent(user -> limits.add(new Limit(route, Partition.user(user), userLimit, window)));
        if (ipLimit > 0) {
            limits.add(new Limit(route, Partition.ip(clientAddress), ipLimit, window));
        }
        return List.copyOf(limits);
    }
}
