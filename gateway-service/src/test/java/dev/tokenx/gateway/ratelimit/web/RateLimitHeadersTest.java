package dev.tokenx.gateway.ratelimit.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.gateway.ratelimit.domain.Decision;
import dev.tokenx.gateway.ratelimit.domain.OutageMode;
import dev.tokenx.gateway.ratelimit.domain.RoutePolicy;
import dev.tokenx.gateway.ratelimit.domain.Tier;
import dev.tokenx.gateway.ratelimit.domain.WindowState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class RateLimitHeadersTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00.250Z");
    private static final RoutePolicy TRADING =
            new RoutePolicy("trading", Tier.MODERATE, 30, 30, Duration.ofSeconds(60), OutageMode.FAIL_OPEN);

    @Test
    void describes_both_policies_and_the_binding_one_for_an_admitted_request() {
        Decision decision = Decision.of(
                true,
                TRADING.limitsFor(Optional.of("alice"), "198.51.100.23"),
                List.of(
                        new WindowState(3, Duration.ofMillis(57_300), Duration.ZERO),
                        new WindowState(8, Duration.ofMillis(12_001), Duration.ZERO)));

        HttpHeaders headers = RateLimitHeaders.of(decision, NOW);

        assertThat(headers.getFirst("RateLimit-Policy"))
                .isEqualTo("\"trading-user\";q=30;w=60, \"trading-ip\";q=30;w=60");
        assertThat(headers.getFirst("RateLimit")).isEqualTo("\"trading-user\";r=27;t=58, \"trading-ip\";r=22;t=13");
        assertThat(headers.getFirst("X-RateLimit-Limit")).isEqualTo("30");
        assertThat(headers.getFirst("X-RateLimit-Remaining")).isEqualTo("22");
        // 10:00:00.250 + 12.001 s = 10:00:12.251, rounded up to the next whole second.
        assertThat(headers.getFirst("X-RateLimit-Reset"))
                .isEqualTo(Long.toString(Instant.parse("2026-11-26T10:00:13Z").getEpochSecond()));
        assertThat(headers.getFirst(HttpHeaders.RETRY_AFTER)).isNull();
    }

    @Test
    void tells_a_refused_client_when_to_come_back() {
        Decision decision = Decision.of(
                false,
                TRADING.limitsFor(Optional.empty(), "198.51.100.23"),
                List.of(new WindowState(30, Duration.ofMillis(41_200), Duration.ofMillis(41_200))));

        HttpHeaders headers = RateLimitHeaders.of(decision, NOW);

        assertThat(headers.getFirst("RateLimit")).isEqualTo("\"trading-ip\";r=0;t=42");
        assertThat(headers.getFirst("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(headers.getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("42");
    }

    @Test
    void names_only_the_policies_while_the_counters_are_unreachable() {
        HttpHeaders headers = RateLimitHeaders.policiesOf(TRADING.limitsFor(Optional.of("alice"), "198.51.100.23"));

        assertThat(headers.getFirst("RateLimit-Policy"))
                .isEqualTo("\"trading-user\";q=30;w=60, \"trading-ip\";q=30;w=60");
        assertThat(headers.getFirst("RateLimit")).isNull();
    }
}
