package dev.tokenx.gateway.ratelimit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DecisionTest {

    private static final RoutePolicy TRADING =
            new RoutePolicy("trading", Tier.MODERATE, 30, 50, Duration.ofSeconds(60), OutageMode.FAIL_OPEN);

    private final List<Limit> limits = TRADING.limitsFor(Optional.of("alice"), "198.51.100.23");

    @Test
    void binds_the_limit_with_the_fewest_remaining() {
        Decision decision = Decision.of(
                true,
                limits,
                List.of(
                        new WindowState(12, Duration.ofSeconds(40), Duration.ZERO),
                        new WindowState(45, Duration.ofSeconds(10), Duration.ZERO)));

        assertThat(decision.binding().limit().policyName()).isEqualTo("trading-ip");
        assertThat(decision.binding().remaining()).isEqualTo(5);
        assertThat(decision.retryAfter()).isZero();
    }

    @Test
    void on_equal_remaining_binds_the_one_that_recovers_last() {
        Decision decision = Decision.of(
                true,
                limits,
                List.of(
                        new WindowState(30, Duration.ofSeconds(50), Duration.ofSeconds(50)),
                        new WindowState(50, Duration.ofSeconds(20), Duration.ofSeconds(20))));

        assertThat(decision.binding().limit().policyName()).isEqualTo("trading-user");
    }

    @Test
    void a_refused_request_waits_until_every_exhausted_limit_has_room() {
        Decision decision = Decision.of(
                false,
                limits,
                List.of(
                        new WindowState(30, Duration.ofSeconds(3), Duration.ofSeconds(3)),
                        new WindowState(50, Duration.ofSeconds(41), Duration.ofSeconds(41))));

        assertThat(decision.retryAfter()).isEqualTo(Duration.ofSeconds(41));
    }

    @Test
    void counts_an_anonymous_request_by_address_only_and_none_when_the_address_limit_is_off() {
        assertThat(TRADING.limitsFor(Optional.empty(), "198.51.100.23"))
                .extracting(Limit::policyName)
                .containsExactly("trading-ip");
        RoutePolicy noAddressLimit =
                new RoutePolicy("trading", Tier.MODERATE, 30, 0, Duration.ofSeconds(60), OutageMode.FAIL_OPEN);
        assertThat(noAddressLimit.limitsFor(Optional.of("alice"), "198.51.100.23"))
                .extracting(Limit::policyName)
                .containsExactly("trading-user");
        assertThat(noAddressLimit.limitsFor(Optional.empty(), "198.51.100.23")).isEmpty();
    }
}
