package dev.tokenx.gateway.ratelimit.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.gateway.ratelimit.domain.Decision;
import dev.tokenx.gateway.ratelimit.domain.Limit;
import dev.tokenx.gateway.ratelimit.domain.Partition;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LocalRateLimitTest {

    private static final Duration WINDOW = Duration.ofSeconds(60);

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private static Limit user(String id, int limit) {
        return new Limit("trading", Partition.user(id), limit, WINDOW);
    }

    private static Limit ip(String address, int limit) {
        return new Limit("trading", Partition.ip(address), limit, WINDOW);
    }

    private LocalRateLimit limiter(double fraction) {
        return new LocalRateLimit(fraction, WINDOW, 1_000, nanos::get);
    }

    @Test
    void admits_exactly_the_limit_within_a_window_and_refuses_the_next() {
        LocalRateLimit local = limiter(1);
        for (int i = 0; i < 3; i++) {
            assertThat(local.check(List.of(user("u", 3))).admitted()).isTrue();
        }

        Decision refused = local.check(List.of(user("u", 3)));

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(WINDOW);
    }

    @Test
    void the_window_slides() {
        LocalRateLimit local = limiter(1);
        local.check(List.of(user("u", 2)));
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        local.check(List.of(user("u", 2)));
        assertThat(local.check(List.of(user("u", 2))).admitted()).isFalse();

        nanos.addAndGet(Duration.ofSeconds(30).toNanos());

        assertThat(local.check(List.of(user("u", 2))).admitted()).isTrue();
        assertThat(local.check(List.of(user("u", 2))).retryAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void a_refused_request_counts_in_no_partition() {
        LocalRateLimit local = limiter(1);
        local.check(List.of(user("a", 1), ip("203.0.113.7", 5)));

        assertThat(local.check(List.of(user("a", 1), ip("203.0.113.7", 5))).admitted())
                .isFalse();

        Decision other = local.check(List.of(user("b", 1), ip("203.0.113.7", 5)));
        assertThat(other.admitted()).isTrue();
        assertThat(other.usages().get(1).remaining()).isEqualTo(3);
    }

    @Test
    void enforces_its_share_of_each_limit() {
        LocalRateLimit local = limiter(0.5);
        for (int i = 0; i < 15; i++) {
            assertThat(local.check(List.of(user("u", 30))).admitted()).isTrue();
        }

        Decision refused = local.check(List.of(user("u", 30)));

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.binding().limit().limit()).isEqualTo(15);
    }

    @Test
    void a_share_never_closes_a_route_entirely() {
        assertThat(limiter(0.01).check(List.of(user("u", 10))).admitted()).isTrue();
    }
}
