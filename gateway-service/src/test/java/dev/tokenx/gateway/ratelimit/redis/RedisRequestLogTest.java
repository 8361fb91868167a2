package dev.tokenx.gateway.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tokenx.gateway.ratelimit.application.RequestLog.Outcome;
import dev.tokenx.gateway.ratelimit.domain.Limit;
import dev.tokenx.gateway.ratelimit.domain.Partition;
import dev.tokenx.testkit.Infrastructure;
import dev.tokenx.testkit.WithRedis;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/** The Lua sliding window log on the test kit's real Redis. */
@WithRedis
class RedisRequestLogTest {

    private static final Duration MINUTE = Duration.ofSeconds(60);

    private static final RedissonClient REDISSON = redisson();

    private final String prefix = "test-" + UUID.randomUUID();
    private final RedisRequestLog log = new RedisRequestLog(REDISSON, prefix);

    @AfterAll
    static void closeClient() {
        REDISSON.shutdown();
    }

    @Test
    void admits_exactly_the_limit_then_refuses_without_recording() {
        Limit user = limit(Partition.user("alice"), 3, MINUTE);

        List<Outcome> outcomes =
                IntStream.range(0, 5).mapToObj(i -> record(List.of(user))).toList();

        assertThat(outcomes).extracting(Outcome::admitted).containsExactly(true, true, true, false, false);
        assertThat(outcomes)
                .extracting(outcome -> outcome.windows().getFirst().used())
                .containsExactly(1, 2, 3, 3, 3);
        assertThat(outcomes.get(4).windows().getFirst().retryAfter())
                .isGreaterThan(Duration.ofSeconds(59))
                .isLessThanOrEqualTo(MINUTE);
        assertThat(REDISSON.getScoredSortedSet(log.keyOf(user), StringCodec.INSTANCE)
                        .size())
                .isEqualTo(3);
    }

    @Test
    void records_in_every_partition_or_in_none() {
        Limit user = limit(Partition.user("bob"), 5, MINUTE);
        Limit ip = limit(Partition.ip("198.51.100.23"), 2, MINUTE);

        assertThat(record(List.of(user, ip)).admitted()).isTrue();
        assertThat(record(List.of(user, ip)).admitted()).isTrue();
        Outcome refused = record(List.of(user, ip));

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.windows()).extracting(window -> window.used()).containsExactly(2, 2);
        assertThat(refused.windows().get(0).retryAfter()).isZero();
        assertThat(refused.windows().get(1).retryAfter()).isPositive();
        // The refused request used none of bob's own quota.
        assertThat(record(List.of(user)).windows().getFirst().used()).isEqualTo(3);
    }

    @Test
    void admits_again_as_the_oldest_requests_leave_the_window() {
        Limit user = limit(Partition.user("carol"), 2, Duration.ofSeconds(1));
        record(List.of(user));
        record(List.of(user));
        Outcome refused = record(List.of(user));
        assertThat(refused.admitted()).isFalse();

        await().atMost(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> record(List.of(user)).admitted());
    }

    @Test
    void never_admits_more_than_the_limit_under_concurrency() {
        Limit ip = limit(Partition.ip("203.0.113.50"), 25, MINUTE);

        List<CompletableFuture<Outcome>> concurrent = IntStream.range(0, 100)
                .mapToObj(i -> log.record(List.of(ip)).toCompletableFuture())
                .toList();

        assertThat(concurrent.stream().map(CompletableFuture::join).filter(Outcome::admitted))
                .hasSize(25);
    }

    @Test
    void lets_a_log_expire_one_window_after_its_last_request() {
        Limit user = limit(Partition.user("dave"), 2, MINUTE);
        record(List.of(user));

        long ttl = REDISSON.getBucket(log.keyOf(user), StringCodec.INSTANCE).remainTimeToLive();

        assertThat(ttl).isPositive().isLessThanOrEqualTo(MINUTE.toMillis());
    }

    private Outcome record(List<Limit> limits) {
        return log.record(limits).toCompletableFuture().join();
    }

    private static Limit limit(Partition partition, int limit, Duration window) {
        return new Limit("trading", partition, limit, window);
    }

    private static RedissonClient redisson() {
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.useSingleServer().setAddress(Infrastructure.redis().uri());
        return Redisson.create(config);
    }
}
