package dev.tokenx.gateway.ratelimit;

import dev.tokenx.gateway.ratelimit.application.RequestLog;
import dev.tokenx.gateway.ratelimit.domain.Limit;
import dev.tokenx.gateway.ratelimit.domain.Partition;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Checks a throwaway partition a few times once the gateway has started, before it reports ready: the Redis client
 * connects lazily (the edge must start while Redis is down), and on a cold JVM the first real checks would otherwise
 * exceed their time bound and fail the strict routes closed for the first seconds. Redis down at start is only
 * logged: the routes' outage modes decide until it is back.
 */
final class RateLimiterWarmUp implements ApplicationListener<ApplicationStartedEvent> {

    private static final Logger log = LoggerFactory.getLogger(RateLimiterWarmUp.class);

    private static final int ROUNDS = 10;
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final Limit THROWAWAY =
            new Limit("warm-up", Partition.ip("127.0.0.1"), Integer.MAX_VALUE, Duration.ofSeconds(1));

    private final RequestLog requestLog;

    RateLimiterWarmUp(RequestLog requestLog) {
        this.requestLog = requestLog;
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent started) {
        try {
            for (int round = 0; round < ROUNDS; round++) {
                requestLog
                        .record(List.of(THROWAWAY))
                        .toCompletableFuture()
                        .get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            }
            log.info("Rate limiter ready: Redis connected, its script cached");
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Rate limiter not warmed up, Redis unreachable for now: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
