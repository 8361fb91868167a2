package dev.tokenx.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.tokenx.gateway.ratelimit.application.RequestLog;
import dev.tokenx.gateway.ratelimit.domain.Limit;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;

class RateLimiterWarmUpTest {

    private static final ApplicationStartedEvent STARTED =
            new ApplicationStartedEvent(new SpringApplication(), new String[0], null, Duration.ZERO);

    @Test
    void checks_a_throwaway_partition_of_its_own_before_the_gateway_reports_ready() {
        List<Limit> checked = new CopyOnWriteArrayList<>();
        RequestLog log = limits -> {
            checked.addAll(limits);
            return CompletableFuture.completedFuture(new RequestLog.Outcome(true, List.of()));
        };

        new RateLimiterWarmUp(log).onApplicationEvent(STARTED);

        assertThat(checked).hasSize(10).allSatisfy(limit -> {
            assertThat(limit.route()).isEqualTo("warm-up");
            assertThat(limit.window()).isEqualTo(Duration.ofSeconds(1));
        });
    }

    @Test
    void lets_the_gateway_start_while_redis_is_down() {
        RequestLog unreachable =
                limits -> CompletableFuture.failedFuture(new IllegalStateException("connection refused"));

        assertThatNoException().isThrownBy(() -> new RateLimiterWarmUp(unreachable).onApplicationEvent(STARTED));
    }

    @Test
    void gives_up_on_a_redis_that_does_not_answer() {
        CompletionStage<RequestLog.Outcome> never = new CompletableFuture<>();
        RequestLog silent = limits -> never;

        assertThatNoException().isThrownBy(() -> new RateLimiterWarmUp(silent).onApplicationEvent(STARTED));
    }
}
