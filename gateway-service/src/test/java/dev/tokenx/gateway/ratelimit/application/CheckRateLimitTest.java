package dev.tokenx.gateway.ratelimit.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tokenx.gateway.ratelimit.domain.Decision;
import dev.tokenx.gateway.ratelimit.domain.Limit;
import dev.tokenx.gateway.ratelimit.domain.OutageMode;
import dev.tokenx.gateway.ratelimit.domain.RoutePolicy;
import dev.tokenx.gateway.ratelimit.domain.Tier;
import dev.tokenx.gateway.ratelimit.domain.WindowState;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CheckRateLimitTest {

    private static final List<Limit> LIMITS = new RoutePolicy(
                    "payments", Tier.STRICT, 10, 10, Duration.ofSeconds(60), OutageMode.FAIL_CLOSED)
            .limitsFor(Optional.of("alice"), "198.51.100.23");

    @Test
    void decides_from_what_the_log_recorded() {
        RequestLog log = limits -> CompletableFuture.completedFuture(new RequestLog.Outcome(
                true,
                List.of(
                        new WindowState(1, Duration.ofSeconds(60), Duration.ZERO),
                        new WindowState(4, Duration.ofSeconds(30), Duration.ZERO))));

        Decision decision = new CheckRateLimit(log, Duration.ofSeconds(1), Duration.ZERO)
                .check(LIMITS)
                .toCompletableFuture()
                .join();

        assertThat(decision.admitted()).isTrue();
        assertThat(decision.binding().limit().policyName()).isEqualTo("payments-ip");
        assertThat(decision.binding().remaining()).isEqualTo(6);
    }

    @Test
    void is_unavailable_when_the_log_fails() {
        RequestLog log = limits -> CompletableFuture.failedFuture(new ConnectException("refused"));

        assertUnavailable(new CheckRateLimit(log, Duration.ofSeconds(1), Duration.ZERO));
    }

    @Test
    void is_unavailable_when_the_log_cannot_even_take_the_request() {
        RequestLog log = limits -> {
            throw new IllegalStateException("client shut down");
        };

        assertUnavailable(new CheckRateLimit(log, Duration.ofSeconds(1), Duration.ZERO));
    }

    @Test
    void is_unavailable_when_the_log_does_not_answer_in_time() {
        RequestLog log = limits -> new CompletableFuture<>();

        assertUnavailable(new CheckRateLimit(log, Duration.ofMillis(50), Duration.ZERO));
    }

    @Test
    void does_not_ask_a_failing_log_again_until_the_cool_down_ends() {
        AtomicInteger asked = new AtomicInteger();
        AtomicBoolean redisDown = new AtomicBoolean(true);
        RequestLog log = limits -> {
            asked.incrementAndGet();
            return redisDown.get()
                    ? CompletableFuture.failedFuture(new ConnectException("refused"))
                    : CompletableFuture.completedFuture(new RequestLog.Outcome(
                            true,
                            List.of(
                                    new WindowState(1, Duration.ofSeconds(60), Duration.ZERO),
                                    new WindowState(1, Duration.ofSeconds(60), Duration.ZERO))));
        };
        CheckRateLimit check = new CheckRateLimit(log, Duration.ofSeconds(1), Duration.ofMillis(300));

        assertUnavailable(check);
        assertUnavailable(check);
        assertUnavailable(check);
        assertThat(asked).hasValue(1);

        redisDown.set(false);

        // Refused without asking while the cool-down lasts, then the first request asks again and is counted.
        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(
                                check.check(LIMITS).toCompletableFuture().join().admitted())
                        .isTrue());
        assertThat(asked).hasValue(2);
    }

    private static void assertUnavailable(CheckRateLimit check) {
        assertThatThrownBy(() -> check.check(LIMITS).toCompletableFuture().join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(RateLimitUnavailable.class);
    }
}
